import type { DataSource } from 'typeorm';
import { asClinic, type TestCouple } from '@mend/server-testing';
import type { InstalledLibrary } from '@mend/server-db';

/** One record of each clinical kind, in the couple's clinic, written by partner A. */
export async function clinicalRecords(
  owner: DataSource,
  couple: TestCouple,
  library: InstalledLibrary,
): Promise<Record<string, string>> {
  const exercise = library.exercises.get('daily-check-in');
  const insert = async (sql: string, parameters: unknown[]) => {
    const [row] = await asClinic<Array<{ id: string }>>(owner, couple.clinicId, sql, [
      couple.clinicId,
      ...parameters,
    ]);
    return row?.id ?? '';
  };
  const assignment = await insert(
    `INSERT INTO assignments (clinic_id, couple_id, exercise_version_id, completion_mode, schedule, reminder_policy)
     VALUES ($1, $2, $3, 'each', $4, $5) RETURNING id`,
    [
      couple.id,
      exercise?.versionId,
      JSON.stringify({
        timeZone: couple.timeZone,
        startDate: '2026-11-01',
        dueTime: '20:00',
        recurrence: { kind: 'daily' },
      }),
      JSON.stringify({ dueSoon: { kind: 'none' }, overdueAfterMinutes: null }),
    ],
  );
  const occurrence = await insert(
    `INSERT INTO occurrences (clinic_id, assignment_id, couple_id, local_date, due_at)
     VALUES ($1, $2, $3, '2026-11-30', now() + interval '1 day') RETURNING id`,
    [assignment, couple.id],
  );
  const thread = await insert(
    `INSERT INTO message_threads (clinic_id, couple_id, kind, last_seq, created_by_user_id)
     VALUES ($1, $2, 'couple', 1, $3) RETURNING id`,
    [couple.id, couple.partnerA.id],
  );
  return {
    'message-threads': thread,
    messages: await insert(
      `INSERT INTO messages (clinic_id, thread_id, seq, author_user_id, body)
       VALUES ($1, $2, 1, $3, 'See you Thursday') RETURNING id`,
      [thread, couple.partnerA.id],
    ),
    exercises: exercise?.exerciseId ?? '',
    programs: library.programs.get('trust-repair-8-weeks') ?? '',
    assignments: assignment,
    occurrences: occurrence,
    responses: await insert(
      `INSERT INTO responses (clinic_id, occurrence_id, couple_id, author_user_id, status, submitted_at)
       VALUES ($1, $2, $3, $4, 'submitted', now()) RETURNING id`,
      [occurrence, couple.id, couple.partnerA.id],
    ),
    promises: await insert(
      `INSERT INTO promises (clinic_id, couple_id, promiser_user_id, description, due_date)
       VALUES ($1, $2, $3, 'Phone before leaving work late', current_date + 7) RETURNING id`,
      [couple.id, couple.partnerA.id],
    ),
    'safety-checks': await insert(
      `INSERT INTO safety_flags (clinic_id, couple_id, raised_by_user_id) VALUES ($1, $2, $3)
       RETURNING id`,
      [couple.id, couple.partnerA.id],
    ),
  };
}

export async function newAlert(
  owner: DataSource,
  clinicId: string,
  coupleId: string,
): Promise<string> {
  const [row] = await asClinic<Array<{ id: string }>>(
    owner,
    clinicId,
    `INSERT INTO alerts (clinic_id, couple_id, kind, dedupe_key)
     VALUES ($1, $2, 'asymmetry', $3) RETURNING id`,
    [clinicId, coupleId, `asymmetry:${coupleId}`],
  );
  return row?.id ?? '';
}

/** A ready monthly report of the clinic, with a one-chunk CSV. */
export async function newReport(owner: DataSource, clinicId: string): Promise<string> {
  const [row] = await asClinic<Array<{ id: string }>>(
    owner,
    clinicId,
    `INSERT INTO reports (clinic_id, kind, subject_key, period_start, period_end, status, progress)
     VALUES ($1, 'clinic_monthly', 'clinic', '2025-03-01', '2025-03-31', 'ready', 100)
     RETURNING id`,
    [clinicId],
  );
  await asClinic(
    owner,
    clinicId,
    `INSERT INTO report_files (clinic_id, report_id, format, part, bytes)
     VALUES ($1, $2, 'csv', 0, '\\xefbbbf')`,
    [clinicId, row?.id],
  );
  return row?.id ?? '';
}

export async function newNotification(owner: DataSource, clinicId: string, userId: string) {
  const [row] = await asClinic<Array<{ id: string }>>(
    owner,
    clinicId,
    `INSERT INTO notifications (clinic_id, user_id, kind) VALUES ($1, $2, 'digest') RETURNING id`,
    [clinicId, userId],
  );
  return row?.id ?? '';
}

/** Read once per test file: the schema does not change while tests run. */
let tenantTables: Promise<string[]> | undefined;

/**
 * Tenant tables' content for one clinic, to prove a request changed nothing there: a digest per
 * table, read in one statement (the fuzz suite takes one after every request). `skipTables` and
 * `skipColumns` leave out what changes by design on any request (the audit trail, a session's
 * last activity).
 */
export async function snapshot(
  owner: DataSource,
  clinicId: string,
  options: { skipTables?: string[]; skipColumns?: string[] } = {},
): Promise<Record<string, string>> {
  tenantTables ??= owner
    .query<Array<{ table_name: string }>>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'clinic_id' ORDER BY table_name`,
    )
    .then((rows) => rows.map((row) => row.table_name));
  const tables = await tenantTables;
  const digests = tables
    .filter((table) => !(options.skipTables ?? []).includes(table))
    .map(
      (table) => `SELECT '${table}' AS name, md5(string_agg(r, '|' ORDER BY r)) AS digest
                    FROM (SELECT (to_jsonb(t) - $2::text[])::text AS r FROM ${table} t
                           WHERE clinic_id = $1) rows`,
    );
  const rows = await asClinic<Array<{ name: string; digest: string | null }>>(
    owner,
    clinicId,
    digests.join(' UNION ALL '),
    [clinicId, options.skipColumns ?? []],
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.digest ?? 'empty']));
}
