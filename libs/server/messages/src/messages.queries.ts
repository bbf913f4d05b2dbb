import type { EntityManager } from 'typeorm';
import type { MessageThreadKind } from '@mend/shared-contracts';
import type { TenantContext } from '@mend/server-tenancy';

export interface ThreadRow {
  id: string;
  couple_id: string;
  couple_label: string;
  couple_status: string;
  kind: MessageThreadKind;
  partner_user_id: string | null;
  partner_name: string | null;
  last_message_at: Date | null;
  last_seq: number;
  unread: number;
}

export interface MessageRow {
  id: string;
  thread_id: string;
  author_user_id: string;
  author_name: string;
  author_role: string;
  body: string;
  created_at: Date;
  hidden_at: Date | null;
  hidden_reason: string | null;
}

/**
 * A reader's view of threads: $1 clinic, $2 reader, $3 whether hidden messages count for the
 * reader (therapists). Unread counts others' messages past the reader's last read one.
 */
export const SELECT_THREADS = `
  SELECT t.id, t.couple_id, c.label AS couple_label, c.status AS couple_status, t.kind,
         t.partner_user_id, pu.display_name AS partner_name, t.last_message_at, t.last_seq,
         (SELECT count(*)::int FROM messages m
           WHERE m.clinic_id = t.clinic_id AND m.thread_id = t.id AND m.author_user_id <> $2
             AND m.seq > coalesce(r.read_seq, 0) AND ($3::boolean OR m.hidden_at IS NULL)) AS unread
    FROM message_threads t
    JOIN couples c ON c.clinic_id = t.clinic_id AND c.id = t.couple_id
    LEFT JOIN users pu ON pu.clinic_id = t.clinic_id AND pu.id = t.partner_user_id
    LEFT JOIN message_reads r ON r.clinic_id = t.clinic_id AND r.thread_id = t.id
                             AND r.user_id = $2`;

/** What a partner may list: the couple thread and their own private one, never the other's. */
export const CLIENT_THREADS = `(t.kind = 'couple' OR t.partner_user_id = $2)`;

/** Messages of one thread for a reader: $1 clinic, $2 thread, $3 reader sees hidden ones. */
export const SELECT_MESSAGES = `
  SELECT m.id, m.thread_id, m.author_user_id, u.display_name AS author_name,
         u.role AS author_role, m.body, m.created_at, m.hidden_at, m.hidden_reason
    FROM messages m
    JOIN users u ON u.clinic_id = m.clinic_id AND u.id = m.author_user_id
   WHERE m.clinic_id = $1 AND m.thread_id = $2 AND ($3::boolean OR m.hidden_at IS NULL)`;

export async function findThread(
  manager: EntityManager,
  ctx: TenantContext,
  id: string,
): Promise<ThreadRow | undefined> {
  const [row] = await manager.query<ThreadRow[]>(
    `${SELECT_THREADS} WHERE t.clinic_id = $1 AND t.id = $4`,
    [ctx.clinicId, ctx.userId, seesHidden(ctx), id],
  );
  return row;
}

/** The clinic's own notice, or null for Mend's wording. */
export async function clinicNotice(
  manager: EntityManager,
  clinicId: string,
): Promise<string | null> {
  const [row] = await manager.query<Array<{ messages_notice: string | null }>>(
    `SELECT messages_notice FROM clinics WHERE id = $1`,
    [clinicId],
  );
  return row?.messages_notice ?? null;
}

/** Messages sent by one person in the last `seconds`, across every thread (the rate limit). */
export async function recentlySent(
  manager: EntityManager,
  ctx: TenantContext,
  seconds: number,
): Promise<number> {
  const [row] = await manager.query<Array<{ sent: number }>>(
    `SELECT count(*)::int AS sent FROM messages
      WHERE clinic_id = $1 AND author_user_id = $2
        AND created_at > now() - make_interval(secs => $3)`,
    [ctx.clinicId, ctx.userId, seconds],
  );
  return row?.sent ?? 0;
}

/** Therapists see hidden messages (with the reason); partners never receive them. */
export function seesHidden(ctx: TenantContext): boolean {
  return ctx.role === 'therapist';
}
