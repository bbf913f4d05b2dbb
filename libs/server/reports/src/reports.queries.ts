import type { EntityManager } from 'typeorm';
import type { Report } from '@mend/server-db';
import type { ReportKind, ReportStatus } from '@mend/shared-contracts';

/** A report row's columns (never its files), from a table aliased `r`. */
export const REPORT_COLUMNS = `r.clinic_id, r.id, r.kind, r.subject_key,
  r.period_start::text AS period_start, r.period_end::text AS period_end, r.couple_id,
  r.requested_by_user_id, r.locale, r.status, r.progress, r.generation, r.error, r.requested_at,
  r.started_at, r.finished_at, r.notified_at, r.expires_at`;

export interface ReportRow {
  clinic_id: string;
  id: string;
  kind: ReportKind;
  subject_key: string;
  period_start: string;
  period_end: string;
  couple_id: string | null;
  requested_by_user_id: string | null;
  locale: string;
  status: ReportStatus;
  progress: number;
  generation: number;
  error: string | null;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  notified_at: Date | null;
  expires_at: Date | null;
}

export function mapReport(row: ReportRow): Report {
  return {
    clinicId: row.clinic_id,
    id: row.id,
    kind: row.kind,
    subjectKey: row.subject_key,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    coupleId: row.couple_id,
    requestedByUserId: row.requested_by_user_id,
    locale: row.locale,
    status: row.status,
    progress: row.progress,
    generation: row.generation,
    error: row.error,
    requestedAt: row.requested_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    notifiedAt: row.notified_at,
    expiresAt: row.expires_at,
  };
}

/** The first report a statement returns (UPDATE … RETURNING answers [rows, count]). */
export async function selectReport(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<Report | null> {
  const result: unknown = await manager.query(sql, parameters);
  const rows = (
    Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result
  ) as ReportRow[];
  const row = rows[0];
  return row ? mapReport(row) : null;
}

/**
 * Who may read a report, as a condition on `r` with $1 clinic, $2 user and $3 role: admins the
 * clinic's monthly reports; therapists the session summaries of couples assigned to them; an
 * export only the person who asked for it (it holds what that person may see). Lists use the
 * same condition as a get, so a list never shows what a download would refuse.
 */
export const READABLE_REPORT = `r.clinic_id = $1 AND (
  (r.kind = 'clinic_monthly' AND $3 = 'clinic_admin')
  OR (r.kind = 'session_prep' AND $3 = 'therapist' AND EXISTS (
        SELECT 1 FROM couple_therapists ct
         WHERE ct.clinic_id = r.clinic_id AND ct.couple_id = r.couple_id
           AND ct.therapist_user_id = $2::uuid))
  OR (r.kind = 'couple_export' AND r.requested_by_user_id = $2::uuid))`;
