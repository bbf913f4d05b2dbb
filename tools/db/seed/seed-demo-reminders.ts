import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import type { InstalledLibrary } from '@mend/server-db';
import { DIGEST_LOCAL_HOUR } from '@mend/server-reminders';

const MINUTE = 60_000;

export interface DemoRemindersClinic {
  id: string;
  domain: string;
  timeZone: string;
}

/**
 * Work that makes reminders arrive within minutes of the demo's first start, whatever the hour,
 * through the worker's ordinary planning and sending:
 * - couple1's partners and the therapists keep no quiet hours (start = end), so nothing waits
 *   for the morning; the other partners follow the clinic's;
 * - couple1 has one exercise due in about an hour and a half (its due-soon reminder, two hours
 *   ahead, is due at once) and one that was due four hours ago and is still open (its overdue
 *   nudge, three hours after, is due at once);
 * - each therapist's digest of the latest 08:00 that has passed has not gone out yet, as if the
 *   worker had been down since; the missed-streak alert of the history brings an escalation.
 * Runs once per clinic, with its couples, in the same transaction.
 */
export async function seedDemoReminders(
  manager: EntityManager,
  clinic: DemoRemindersClinic,
  library: InstalledLibrary,
  now: Date,
): Promise<void> {
  const people = await manager.query<Array<{ id: string; email: string; role: string }>>(
    `SELECT id, email, role FROM users WHERE clinic_id = $1`,
    [clinic.id],
  );
  const partner = (seat: 'a' | 'b') => {
    const found = people.find((p) => p.email === `couple1.${seat}@${clinic.domain}`);
    if (!found) throw new Error(`the demo clinic ${clinic.domain} has no couple1.${seat}`);
    return found.id;
  };
  const [couple] = await manager.query<Array<{ couple_id: string; therapist_user_id: string }>>(
    `SELECT cp.couple_id, ct.therapist_user_id FROM couple_partners cp
       JOIN couple_therapists ct ON ct.clinic_id = cp.clinic_id AND ct.couple_id = cp.couple_id
      WHERE cp.clinic_id = $1 AND cp.user_id = $2`,
    [clinic.id, partner('a')],
  );
  if (!couple) throw new Error(`the demo clinic ${clinic.domain} has no couple1`);
  const therapists = people.filter((p) => p.role === 'therapist').map((p) => p.id);

  await manager.query(
    `UPDATE users SET quiet_hours_start = '00:00', quiet_hours_end = '00:00'
      WHERE clinic_id = $1 AND id = ANY($2::uuid[])`,
    [clinic.id, [partner('a'), partner('b'), ...therapists]],
  );

  // Due on the next whole five minutes after an hour and a half, on the couple's clock.
  const dueSoon = new Date(Math.ceil((now.getTime() + 90 * MINUTE) / (5 * MINUTE)) * 5 * MINUTE);
  const overdue = new Date(Math.floor((now.getTime() - 4 * 60 * MINUTE) / MINUTE) * MINUTE);
  for (const [exerciseKey, dueAt] of [
    ['reflect-back-listening', dueSoon],
    ['daily-check-in', overdue],
  ] as const) {
    const installed = library.exercises.get(exerciseKey);
    if (!installed) throw new Error(`the library has no ${exerciseKey}`);
    const local = DateTime.fromJSDate(dueAt, { zone: clinic.timeZone });
    const localDate = local.toISODate() ?? '';
    const [assignment] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO assignments (clinic_id, couple_id, exercise_version_id, completion_mode,
         schedule, reminder_policy, status, planned_until, created_by_user_id, created_at)
       VALUES ($1, $2, $3, 'each', $4, $5, 'active', $6, $7, $8) RETURNING id`,
      [
        clinic.id,
        couple.couple_id,
        installed.versionId,
        JSON.stringify({
          timeZone: clinic.timeZone,
          startDate: localDate,
          endDate: localDate,
          dueTime: local.toFormat('HH:mm'),
          recurrence: { kind: 'once' },
        }),
        JSON.stringify({ dueSoon: { kind: 'before_due', minutes: 120 }, overdueAfterMinutes: 180 }),
        localDate,
        couple.therapist_user_id,
        new Date(now.getTime() - 2 * 24 * 60 * MINUTE),
      ],
    );
    if (!assignment) throw new Error('assignment not inserted');
    await manager.query(
      `INSERT INTO occurrences (clinic_id, assignment_id, couple_id, local_date, due_at, status)
       VALUES ($1, $2, $3, $4, $5, 'open')`,
      [clinic.id, assignment.id, couple.couple_id, localDate, local.toJSDate()],
    );
  }

  for (const therapist of therapists) {
    const [zone] = await manager.query<Array<{ time_zone: string }>>(
      `SELECT time_zone FROM users WHERE clinic_id = $1 AND id = $2`,
      [clinic.id, therapist],
    );
    const local = DateTime.fromJSDate(now, { zone: zone?.time_zone ?? clinic.timeZone });
    let slot = local.startOf('day').set({ hour: DIGEST_LOCAL_HOUR });
    if (slot > local) slot = slot.minus({ days: 1 });
    await manager.query(
      `INSERT INTO deliveries (clinic_id, kind, recipient_user_id, subject_key, due_at)
       VALUES ($1, 'digest', $2, $3, $4)
       ON CONFLICT ON CONSTRAINT uq_deliveries_key DO NOTHING`,
      [clinic.id, therapist, slot.toISODate(), slot.toJSDate()],
    );
  }
}
