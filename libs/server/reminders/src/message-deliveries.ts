import type { EntityManager } from 'typeorm';
import { afterQuietHours, quietHoursOf } from './reminder-rules';

interface RecipientRow {
  user_id: string;
  time_zone: string;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
  clinic_start: string | null;
  clinic_end: string | null;
}

/**
 * Plans word of a new message for everyone else in its thread, as `message` deliveries the
 * reminders tick sends like any other: due now, or at the end of the recipient's quiet hours.
 * One waiting delivery per person and thread is enough: whoever has one not yet sent gets no
 * second for a message that follows. Runs in the sender's transaction, so a message and its
 * deliveries commit together. The recipients of a private thread are its partner and the
 * therapists; the other partner is never one.
 */
export async function planMessageDeliveries(
  manager: EntityManager,
  clinicId: string,
  message: { id: string; threadId: string; authorUserId: string },
  now: Date,
): Promise<number> {
  if (!clinicId) throw new Error('planMessageDeliveries needs a clinic id');
  const recipients = await manager.query<RecipientRow[]>(
    `WITH thread AS (
       SELECT t.couple_id, t.kind, t.partner_user_id FROM message_threads t
        WHERE t.clinic_id = $1 AND t.id = $2),
     people AS (
       SELECT ct.therapist_user_id AS user_id FROM couple_therapists ct, thread
        WHERE ct.clinic_id = $1 AND ct.couple_id = thread.couple_id
       UNION
       SELECT cp.user_id FROM couple_partners cp, thread
        WHERE cp.clinic_id = $1 AND cp.couple_id = thread.couple_id
          AND (thread.kind = 'couple' OR cp.user_id = thread.partner_user_id))
     SELECT u.id AS user_id, u.time_zone, u.quiet_hours_start, u.quiet_hours_end,
            c.quiet_hours_start AS clinic_start, c.quiet_hours_end AS clinic_end
       FROM people p
       JOIN users u ON u.clinic_id = $1 AND u.id = p.user_id
       JOIN clinics c ON c.id = $1
      WHERE u.id <> $3 AND u.status = 'active'
        AND NOT EXISTS (SELECT 1 FROM deliveries d
                          JOIN messages m ON m.clinic_id = d.clinic_id AND m.id = d.message_id
                         WHERE d.clinic_id = $1 AND d.kind = 'message'
                           AND d.recipient_user_id = u.id AND m.thread_id = $2
                           AND d.status IN ('planned', 'sending'))`,
    [clinicId, message.threadId, message.authorUserId],
  );
  if (recipients.length === 0) return 0;
  const inserted = await manager.query<Array<{ id: string }>>(
    `INSERT INTO deliveries (clinic_id, kind, recipient_user_id, subject_key, message_id, due_at)
     SELECT $1, 'message', r.user_id, $2::text, $2::uuid, r.due_at
       FROM unnest($3::uuid[], $4::timestamptz[]) AS r(user_id, due_at)
     ON CONFLICT ON CONSTRAINT uq_deliveries_key DO NOTHING
     RETURNING id`,
    [
      clinicId,
      message.id,
      recipients.map((r) => r.user_id),
      recipients.map((r) =>
        afterQuietHours(
          now,
          r.time_zone,
          quietHoursOf(
            { start: r.clinic_start, end: r.clinic_end },
            { start: r.quiet_hours_start, end: r.quiet_hours_end },
          ),
        ),
      ),
    ],
  );
  return inserted.length;
}
