/**
 * Fills a migrated, empty database with a service's worth of Mend data, set-based: a handful of
 * INSERT … SELECT statements over generate_series, each writing one table for every clinic at
 * once. Every id and every choice comes from md5 of the seed and the row's position, so one seed
 * gives the same database every time. Run by tools/loadgen/loadgen.mjs (which names, creates and
 * migrates the database); connects as the superuser, whose bulk writes row-level security does
 * not filter (every row still carries its clinic and meets every constraint and foreign key).
 */
import 'reflect-metadata';
import { DataSource, type EntityManager } from 'typeorm';
import { dataSourceOptions, installLibrary } from '@mend/server-db';
import { hashPassword } from '@mend/server-passwords';
import { validateAnswers, type ExerciseTemplate, type Visibility } from '@mend/shared-exercises';
import {
  CONFIRMATION_NOTES,
  FEEDBACK,
  PROMISES,
  demoAnswers,
  seededRng,
  type DemoLocale,
} from '../db/seed/demo-answers';

export interface LoadOptions {
  adminUrl: string;
  couples: number;
  seed: string;
  weeks: number;
  bigClinic: number;
  clinicSize: number;
  caseload: number;
  heavyCaseload: number;
  now: Date;
}

/** Every load user's password, so that benchmarks can sign in as anyone. */
export const LOAD_PASSWORD = 'MendLoad!2026';
const ZONES = [
  ['America/New_York', 'en'],
  ['Europe/Madrid', 'es'],
  ['America/Los_Angeles', 'en'],
  ['Europe/London', 'en'],
  ['America/Mexico_City', 'es'],
] as const;
/** Exercises every couple works on, with their weekdays (ISO) and due time. */
const PLAN = [
  { key: 'daily-check-in', weekdays: [1, 3, 5], dueTime: '21:00' },
  { key: 'weekly-consistency-review', weekdays: [7], dueTime: '20:00' },
] as const;
const ANSWER_SAMPLES = 8;
const MOOD_STEPS = 5;

function log(message: string): void {
  process.stdout.write(`[loadgen] ${message}\n`);
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

export async function generate(options: LoadOptions): Promise<void> {
  const dataSource = new DataSource(
    dataSourceOptions({ url: options.adminUrl, applicationName: 'mend-loadgen', poolSize: 1 }),
  );
  await dataSource.initialize();
  try {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM clinics`);
    if (n > 0) throw new Error('the database already has clinics: loadgen fills an empty one');
    await dataSource.transaction((manager) => fill(manager, options));
    log('ANALYZE…');
    await timed('analyze', () => dataSource.query('ANALYZE'));
  } finally {
    await dataSource.destroy();
  }
}

async function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  log(`${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function fill(manager: EntityManager, o: LoadOptions): Promise<void> {
  const seed = literal(o.seed);
  /** A deterministic uuid for the row named by `parts` (SQL text expressions). */
  const id = (kind: string, ...parts: string[]) =>
    `md5(${seed} || ':${kind}' || ${parts.map((p) => `':' || (${p})::text`).join(' || ')})::uuid`;
  /** A deterministic number in [0, 1) for the choice named by `parts`. */
  const chance = (kind: string, ...parts: string[]) =>
    `((('x' || substr(md5(${seed} || ':${kind}' || ${parts
      .map((p) => `':' || (${p})::text`)
      .join(' || ')}), 1, 8))::bit(32)::int & 2147483647) / 2147483648.0)`;
  const now = `${literal(o.now.toISOString())}::timestamptz`;
  const q = (sql: string, parameters: unknown[] = []) => manager.query(sql, parameters);
  const step = (what: string, sql: string, parameters: unknown[] = []) =>
    timed(what, () => q(sql, parameters));

  // The shape: clinic 0 is the big clinic; every other clinic has `clinicSize` couples. In the
  // big clinic the first therapist carries a heavy caseload (the caseload benchmark's case).
  // Foreign keys are checked once per table at the end (ALTER TABLE … ADD CONSTRAINT validates
  // every row in one pass) instead of by a trigger per inserted row, several times faster. All
  // of it is one transaction: a row that breaks a key rolls the whole fill back.
  const foreignKeys: Array<{ table: string; name: string; definition: string }> = await q(
    `SELECT conrelid::regclass::text AS table, conname AS name,
            pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
  );
  for (const key of foreignKeys) await q(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);

  const big = Math.min(o.bigClinic, o.couples);
  const heavy = Math.min(o.heavyCaseload, big);
  await step(
    'layout',
    `CREATE TEMP TABLE lg_couple ON COMMIT DROP AS
     SELECT n, k, i,
            CASE WHEN k = 0 AND i < $3 THEN 0
                 WHEN k = 0 THEN 1 + (i - $3) / $4
                 ELSE i / $4 END AS t
       FROM (SELECT n,
                    CASE WHEN n < $1 THEN 0 ELSE 1 + (n - $1) / $2 END AS k,
                    CASE WHEN n < $1 THEN n ELSE (n - $1) % $2 END AS i
               FROM generate_series(0, $5 - 1) AS n) x`,
    [big, o.clinicSize, heavy, o.caseload, o.couples],
  );
  await q(`ANALYZE lg_couple`);
  await q(`CREATE TEMP TABLE lg_zone (z int, tz text, locale text) ON COMMIT DROP`);
  await q(
    `INSERT INTO lg_zone SELECT z - 1, tz, locale
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(tz, locale, z)`,
    [ZONES.map(([tz]) => tz), ZONES.map(([, locale]) => locale)],
  );

  await step(
    'clinics',
    `INSERT INTO clinics (id, name, time_zone, require_staff_mfa, created_at)
     SELECT ${id('clinic', 'k')}, 'Load clinic ' || k, z.tz, false,
            ${now} - make_interval(days => $1 * 7 + 30)
       FROM (SELECT DISTINCT k FROM lg_couple) c JOIN lg_zone z ON z.z = c.k % 5`,
    [o.weeks],
  );
  await q(
    `CREATE TEMP TABLE lg_clinic ON COMMIT DROP AS
     SELECT DISTINCT c.k, ${id('clinic', 'c.k')} AS id, z.tz, z.locale
       FROM lg_couple c JOIN lg_zone z ON z.z = c.k % 5`,
  );
  await q(`ANALYZE lg_clinic`);

  const hash = await hashPassword(LOAD_PASSWORD);
  await step(
    'staff',
    `INSERT INTO users (clinic_id, id, email, display_name, role, status, password_hash, locale,
                        time_zone, created_at)
     SELECT c.id, ${id('admin', 'c.k')}, 'admin@c' || c.k || '.load.test', 'Admin ' || c.k,
            'clinic_admin'::user_role, 'active'::user_status, $1, c.locale, c.tz,
            ${now} - interval '400 days'
       FROM lg_clinic c
     UNION ALL
     SELECT c.id, ${id('therapist', 'c.k', 't.t')}, 'therapist' || t.t || '@c' || c.k || '.load.test',
            'Therapist ' || t.t, 'therapist'::user_role, 'active'::user_status, $1, c.locale, c.tz,
            ${now} - interval '400 days'
       FROM (SELECT DISTINCT k, t FROM lg_couple) t JOIN lg_clinic c ON c.k = t.k`,
    [hash],
  );
  await step(
    'partners',
    `INSERT INTO users (clinic_id, id, email, display_name, role, status, password_hash, locale,
                        time_zone, created_at)
     SELECT c.id, ${id('partner', 'p.n', 's.seat')},
            'couple' || p.i || '.' || s.seat || '@c' || p.k || '.load.test',
            'Partner ' || upper(s.seat) || p.i, 'client', 'active', $1, c.locale, c.tz,
            ${now} - make_interval(days => $2 * 7 + 5)
       FROM lg_couple p JOIN lg_clinic c ON c.k = p.k CROSS JOIN (VALUES ('a'), ('b')) s(seat)`,
    [hash, o.weeks],
  );

  await timed('library', () => copyLibrary(manager, now, id));

  await step(
    'couples',
    `INSERT INTO couples (clinic_id, id, label, status, time_zone, created_by_user_id, created_at)
     SELECT c.id, ${id('couple', 'p.n')}, 'Partner A' || p.i || ' & Partner B' || p.i, 'active',
            c.tz, ${id('therapist', 'p.k', 'p.t')}, ${now} - make_interval(days => $1 * 7 + 3)
       FROM lg_couple p JOIN lg_clinic c ON c.k = p.k`,
    [o.weeks],
  );
  await step(
    'couple members',
    `WITH partners AS (
       INSERT INTO couple_partners (clinic_id, couple_id, seat, user_id, policy_acknowledged_at,
                                    created_at)
       SELECT c.id, ${id('couple', 'p.n')}, s.seat::partner_seat, ${id('partner', 'p.n', 's.seat')},
              ${now} - make_interval(days => $1 * 7 + 2), ${now} - make_interval(days => $1 * 7 + 3)
         FROM lg_couple p JOIN lg_clinic c ON c.k = p.k CROSS JOIN (VALUES ('a'), ('b')) s(seat)
       RETURNING 1)
     INSERT INTO couple_therapists (clinic_id, couple_id, therapist_user_id, assigned_at)
     SELECT c.id, ${id('couple', 'p.n')}, ${id('therapist', 'p.k', 'p.t')},
            ${now} - make_interval(days => $1 * 7 + 3)
       FROM lg_couple p JOIN lg_clinic c ON c.k = p.k`,
    [o.weeks],
  );

  // Assignments: every couple works on the same plan, each partner answering.
  await q(
    `CREATE TEMP TABLE lg_plan (x int, key text, weekdays int[], due_time text) ON COMMIT DROP`,
  );
  await q(
    `INSERT INTO lg_plan SELECT x - 1, key, string_to_array(days, ',')::int[], due
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(key, days, due, x)`,
    [PLAN.map((p) => p.key), PLAN.map((p) => p.weekdays.join(',')), PLAN.map((p) => p.dueTime)],
  );
  await step(
    'assignments',
    `INSERT INTO assignments (clinic_id, id, couple_id, exercise_version_id, completion_mode,
                              schedule, reminder_policy, status, planned_until,
                              created_by_user_id, created_at)
     SELECT c.id, ${id('assignment', 'p.n', 'pl.x')}, ${id('couple', 'p.n')}, v.id, 'each',
            jsonb_build_object('timeZone', c.tz,
                               'startDate', ((${now} AT TIME ZONE c.tz)::date - $1 * 7)::text,
                               'dueTime', pl.due_time,
                               'recurrence', jsonb_build_object('kind', 'weekdays',
                                                                'weekdays', to_jsonb(pl.weekdays))),
            '{"dueSoon": {"kind": "before_due", "minutes": 120}, "overdueAfterMinutes": 180}',
            'active', (${now} AT TIME ZONE c.tz)::date + 14, ${id('therapist', 'p.k', 'p.t')},
            ${now} - make_interval(days => $1 * 7 + 1)
       FROM lg_couple p JOIN lg_clinic c ON c.k = p.k CROSS JOIN lg_plan pl
       JOIN exercises e ON e.clinic_id = c.id AND e.key = pl.key
       JOIN exercise_versions v ON v.clinic_id = c.id AND v.exercise_id = e.id AND v.version = 1`,
    [o.weeks],
  );

  // Each couple's engagement (0.3–0.97) and mood trend; each partner answers an occurrence with
  // their chance, and an occurrence closes a day after it is due.
  await step(
    'occurrence plan',
    `CREATE TEMP TABLE lg_occ ON COMMIT DROP AS
     SELECT o.*, o.due_at < ${now} AND ${chance('a', 'o.occ_id')} < o.engagement AS a_done,
                 o.due_at < ${now} AND ${chance('b', 'o.occ_id')} < o.engagement * 0.9 AS b_done
       FROM (
         SELECT p.n, p.k, p.i, p.t, pl.x, pl.key, c.id AS clinic_id, c.locale, d::date AS local_date,
                ${id('occurrence', 'p.n', 'pl.x', 'd::date')} AS occ_id,
                (d::date + pl.due_time::time) AT TIME ZONE c.tz AS due_at,
                0.3 + 0.67 * ${chance('engagement', 'p.n')} AS engagement,
                least(0.999, greatest(0, ${chance('mood', 'p.n')} * 0.6
                      + 0.4 * (d::date - ((${now} AT TIME ZONE c.tz)::date - $1 * 7)) / ($1 * 7.0)))
                  AS mood
           FROM lg_couple p JOIN lg_clinic c ON c.k = p.k CROSS JOIN lg_plan pl
           CROSS JOIN generate_series((${now} AT TIME ZONE c.tz)::date - $1 * 7,
                                      (${now} AT TIME ZONE c.tz)::date + 14, interval '1 day') d
          WHERE extract(isodow FROM d)::int = ANY (pl.weekdays)) o`,
    [o.weeks],
  );
  await q(`ANALYZE lg_occ`);
  await step(
    'occurrences',
    `INSERT INTO occurrences (clinic_id, id, assignment_id, couple_id, local_date, due_at, status,
                              completed_at)
     SELECT o.clinic_id, o.occ_id, ${id('assignment', 'o.n', 'o.x')}, ${id('couple', 'o.n')},
            o.local_date, o.due_at, s.status::occurrence_status,
            CASE WHEN s.status = 'completed' THEN o.due_at - interval '1 hour' END
       FROM lg_occ o
       CROSS JOIN LATERAL (SELECT CASE
         WHEN o.a_done AND o.b_done THEN 'completed'
         WHEN o.due_at + interval '1 day' < ${now} AND (o.a_done OR o.b_done) THEN 'completed'
         WHEN o.due_at + interval '1 day' < ${now} THEN 'missed'
         ELSE 'open' END AS status) s`,
  );

  await timed('answer samples', () => answerSamples(manager));
  await q(`ANALYZE lg_sample`);
  await step(
    'responses',
    `INSERT INTO responses (clinic_id, id, occurrence_id, couple_id, author_user_id, status,
                            answers, submitted_at, late, created_at, updated_at)
     SELECT o.clinic_id, ${id('response', 'o.occ_id', 's.seat')}, o.occ_id, ${id('couple', 'o.n')},
            ${id('partner', 'o.n', 's.seat')}, 'submitted', sample.answers, at.submitted, false,
            at.submitted - interval '6 minutes', at.submitted
       FROM lg_occ o
       CROSS JOIN (VALUES ('a'), ('b')) s(seat)
       CROSS JOIN LATERAL (SELECT least(${now} - interval '1 minute',
                                        o.due_at - make_interval(mins => (15 + 240 * ${chance(
                                          'at',
                                          'o.occ_id',
                                          's.seat',
                                        )})::int)) AS submitted) at
       JOIN lg_sample sample ON sample.key = o.key AND sample.locale = o.locale
        AND sample.n = floor(o.mood * ${MOOD_STEPS})::int * ${ANSWER_SAMPLES}
                       + floor(${chance('sample', 'o.occ_id', 's.seat')} * ${ANSWER_SAMPLES})::int
      WHERE (s.seat = 'a' AND o.a_done) OR (s.seat = 'b' AND o.b_done)`,
  );
  await q(`CREATE TEMP TABLE lg_text (kind text, locale text, n int, body text) ON COMMIT DROP`);
  const texts: Array<[string, string, string[]]> = [];
  for (const locale of ['en', 'es'] as const) {
    texts.push(['feedback', locale, [...FEEDBACK[locale]]]);
    texts.push(['promise', locale, [...PROMISES[locale]]]);
    for (const outcome of ['kept', 'partly', 'not_kept'] as const) {
      texts.push([outcome, locale, [...CONFIRMATION_NOTES[outcome][locale]]]);
    }
  }
  for (const [kind, locale, bodies] of texts) {
    await q(
      `INSERT INTO lg_text SELECT $1, $2, n - 1, body FROM unnest($3::text[]) WITH ORDINALITY u(body, n)`,
      [kind, locale, bodies],
    );
  }
  await step(
    'feedback',
    `INSERT INTO response_feedback (clinic_id, id, response_id, author_user_id, body, created_at)
     SELECT r.clinic_id, ${id('feedback', 'r.id')}, r.id, ${id('therapist', 'p.k', 'p.t')}, t.body,
            r.submitted_at + interval '20 hours'
       FROM responses r
       JOIN lg_couple p ON ${id('couple', 'p.n')} = r.couple_id
       JOIN lg_clinic c ON c.k = p.k
       JOIN lg_text t ON t.kind = 'feedback' AND t.locale = c.locale
        AND t.n = floor(${chance('feedback-text', 'r.id')}
                        * (SELECT count(*) FROM lg_text x WHERE x.kind = 'feedback'
                                                            AND x.locale = c.locale))::int
      WHERE r.submitted_at + interval '20 hours' < ${now} AND ${chance('feedback', 'r.id')} < 0.08`,
  );

  // A promise a week per couple, by alternating partners; all but the last have an outcome.
  await step(
    'promises',
    `INSERT INTO promises (clinic_id, id, couple_id, promiser_user_id, description, due_date, status,
                           confirmed_by_user_id, confirmed_at, confirmation_note, created_at)
     SELECT c.id, ${id('promise', 'p.n', 'w')}, ${id('couple', 'p.n')},
            ${id('partner', 'p.n', "CASE WHEN w % 2 = 0 THEN 'a' ELSE 'b' END")}, d.body,
            (${now} AT TIME ZONE c.tz)::date - ($1 - w - 1) * 7 + 3, o.status::promise_status,
            CASE WHEN o.status <> 'open'
                 THEN ${id('partner', 'p.n', "CASE WHEN w % 2 = 0 THEN 'b' ELSE 'a' END")} END,
            CASE WHEN o.status <> 'open' THEN ${now} - make_interval(days => ($1 - w - 1) * 7) END,
            n.body, ${now} - make_interval(days => ($1 - w) * 7)
       FROM lg_couple p JOIN lg_clinic c ON c.k = p.k
       CROSS JOIN generate_series(0, $1 - 1) w
       CROSS JOIN LATERAL (SELECT CASE WHEN w = $1 - 1 THEN 'open'
                                       WHEN ${chance('kept', 'p.n', 'w')} < 0.55 THEN 'kept'
                                       WHEN ${chance('kept', 'p.n', 'w')} < 0.8 THEN 'partly'
                                       ELSE 'not_kept' END AS status) o
       JOIN lg_text d ON d.kind = 'promise' AND d.locale = c.locale
        AND d.n = (p.n + w) % (SELECT count(*) FROM lg_text x WHERE x.kind = 'promise'
                                                              AND x.locale = c.locale)
       LEFT JOIN lg_text n ON n.kind = o.status AND n.locale = c.locale AND n.n = 0`,
    [o.weeks],
  );

  // Missed-streak alerts where a couple's last three closed check-ins were all missed, and an
  // asymmetry alert where one partner answered under half as often as the other lately.
  await step(
    'alerts',
    `INSERT INTO alerts (clinic_id, id, couple_id, kind, severity, status, subject_user_id,
                         dedupe_key, detail, created_at)
     SELECT o.clinic_id, ${id('alert', 'o.n', "'missed'")}, ${id('couple', 'o.n')},
            'missed_streak'::alert_kind, 'normal'::alert_severity, 'open'::alert_status, NULL::uuid, 'missed_streak:' || ${id('couple', 'o.n')},
            jsonb_build_object('assignmentId', ${id('assignment', 'o.n', '0')},
                               'missedInARow', 3, 'threshold', 3),
            max(o.due_at) + interval '1 day'
       FROM (SELECT o.*, row_number() OVER (PARTITION BY o.n ORDER BY o.due_at DESC) AS back
               FROM lg_occ o
              WHERE o.x = 0 AND o.due_at + interval '1 day' < ${now}) o
      WHERE o.back <= 3
      GROUP BY o.clinic_id, o.n
     HAVING bool_and(NOT o.a_done AND NOT o.b_done)
     UNION ALL
     SELECT o.clinic_id, ${id('alert', 'o.n', "'asymmetry'")}, ${id('couple', 'o.n')},
            'asymmetry'::alert_kind, 'normal'::alert_severity, 'open'::alert_status,
            ${id('partner', 'o.n', "CASE WHEN count(*) FILTER (WHERE o.a_done) < count(*) FILTER (WHERE o.b_done) THEN 'a' ELSE 'b' END")},
            'asymmetry:' || ${id('couple', 'o.n')},
            jsonb_build_object('windowDays', 14,
                               'subjectSubmitted', least(count(*) FILTER (WHERE o.a_done),
                                                         count(*) FILTER (WHERE o.b_done)),
                               'partnerSubmitted', greatest(count(*) FILTER (WHERE o.a_done),
                                                            count(*) FILTER (WHERE o.b_done))),
            ${now} - interval '2 days'
       FROM lg_occ o
      WHERE o.due_at BETWEEN ${now} - interval '14 days' AND ${now}
      GROUP BY o.clinic_id, o.n
     HAVING least(count(*) FILTER (WHERE o.a_done), count(*) FILTER (WHERE o.b_done)) * 2
            < greatest(count(*) FILTER (WHERE o.a_done), count(*) FILTER (WHERE o.b_done))`,
  );

  // Reminders of the last week: a due-soon reminder to each partner for each occurrence, sent
  // two hours before it was due, with its in-app notification; the rest of the window planned.
  await step(
    'deliveries',
    `INSERT INTO deliveries (clinic_id, id, kind, recipient_user_id, subject_key, occurrence_id,
                             due_at, status, attempts, sent_at, email_sent_at, created_at)
     SELECT o.clinic_id, ${id('delivery', 'o.occ_id', 's.seat')}, 'due_soon',
            ${id('partner', 'o.n', 's.seat')}, o.occ_id::text, o.occ_id,
            o.due_at - interval '2 hours',
            CASE WHEN o.due_at - interval '2 hours' < ${now} THEN 'sent' ELSE 'planned' END::delivery_status,
            CASE WHEN o.due_at - interval '2 hours' < ${now} THEN 1 ELSE 0 END,
            CASE WHEN o.due_at - interval '2 hours' < ${now} THEN o.due_at - interval '2 hours' END,
            CASE WHEN o.due_at - interval '2 hours' < ${now} AND ${chance('email', 'o.n', 's.seat')} < 0.5
                 THEN o.due_at - interval '2 hours' END,
            o.due_at - interval '7 days'
       FROM lg_occ o CROSS JOIN (VALUES ('a'), ('b')) s(seat)
      WHERE o.due_at BETWEEN ${now} - interval '7 days' AND ${now} + interval '2 days'`,
  );
  await step(
    'notifications',
    `INSERT INTO notifications (clinic_id, id, user_id, kind, delivery_id, occurrence_id, couple_id,
                                detail, created_at, read_at)
     SELECT d.clinic_id, ${id('notification', 'd.id')}, d.recipient_user_id,
            d.kind::text::notification_kind, d.id,
            d.occurrence_id, o.couple_id, jsonb_build_object('dueAt', o.due_at), d.sent_at,
            CASE WHEN ${chance('read', 'd.id')} < 0.6 THEN d.sent_at + interval '3 hours' END
       FROM deliveries d JOIN occurrences o ON o.clinic_id = d.clinic_id AND o.id = d.occurrence_id
      WHERE d.status = 'sent'`,
  );
  await step(
    'reminder plans',
    `INSERT INTO reminder_plans (clinic_id, occurrence_id, planned_at)
     SELECT o.clinic_id, o.occ_id, o.due_at - interval '7 days' FROM lg_occ o
      WHERE o.due_at BETWEEN ${now} - interval '7 days' AND ${now} + interval '2 days'`,
  );
  await timed('foreign keys checked', async () => {
    for (const key of foreignKeys) {
      await q(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
    }
  });
  const counts: Array<{ name: string; n: number }> = await q(
    `SELECT 'clinics' AS name, count(*)::int AS n FROM clinics
     UNION ALL SELECT 'users', count(*)::int FROM users
     UNION ALL SELECT 'couples', count(*)::int FROM couples
     UNION ALL SELECT 'assignments', count(*)::int FROM assignments
     UNION ALL SELECT 'occurrences', count(*)::int FROM occurrences
     UNION ALL SELECT 'responses', count(*)::int FROM responses
     UNION ALL SELECT 'feedback', count(*)::int FROM response_feedback
     UNION ALL SELECT 'promises', count(*)::int FROM promises
     UNION ALL SELECT 'alerts', count(*)::int FROM alerts
     UNION ALL SELECT 'deliveries', count(*)::int FROM deliveries
     UNION ALL SELECT 'notifications', count(*)::int FROM notifications`,
  );
  log(counts.map((c) => `${c.name} ${c.n}`).join(', '));
}

/**
 * Mend's library (exercises, programs and measures) in every clinic: installed the way the
 * product installs it into a scratch clinic, copied to every clinic in three statements (ids derived from the clinic and the
 * exercise's key, program steps pointing at the clinic's own exercises, so one seed gives the
 * same ids every run), and the scratch clinic removed.
 */
async function copyLibrary(
  manager: EntityManager,
  now: string,
  id: (kind: string, ...parts: string[]) => string,
): Promise<void> {
  const [scratch] = await manager.query(
    `INSERT INTO clinics (id, name) VALUES (${id('scratch', "'library'")}, 'Library template')
     RETURNING id`,
  );
  await installLibrary(manager, scratch.id);
  await manager.query(
    `INSERT INTO exercises (clinic_id, id, key, theme, source, current_version, created_at)
     SELECT c.id, ${id('exercise', 'c.k', 'e.key')}, e.key, e.theme, e.source, e.current_version,
            ${now} - interval '400 days'
       FROM exercises e CROSS JOIN lg_clinic c WHERE e.clinic_id = $1`,
    [scratch.id],
  );
  await manager.query(
    `INSERT INTO exercise_versions (clinic_id, id, exercise_id, version, title, definition,
                                    translations, created_at)
     SELECT c.id, ${id('version', 'c.k', 'e.key', 'v.version')}, ${id('exercise', 'c.k', 'e.key')},
            v.version, v.title, v.definition, v.translations, ${now} - interval '400 days'
       FROM exercise_versions v
       JOIN exercises e ON e.clinic_id = v.clinic_id AND e.id = v.exercise_id
       CROSS JOIN lg_clinic c WHERE v.clinic_id = $1`,
    [scratch.id],
  );
  await manager.query(
    `INSERT INTO programs (clinic_id, id, key, title, summary, weeks, source, steps, translations,
                           created_at)
     SELECT c.id, ${id('program', 'c.k', 'p.key')}, p.key, p.title, p.summary, p.weeks, p.source,
            (SELECT jsonb_agg(s.step || jsonb_build_object('exerciseId', ${id(
              'exercise',
              'c.k',
              "s.step->>'exerciseKey'",
            )}) ORDER BY s.at)
               FROM jsonb_array_elements(p.steps) WITH ORDINALITY AS s(step, at)),
            p.translations, ${now} - interval '400 days'
       FROM programs p CROSS JOIN lg_clinic c WHERE p.clinic_id = $1`,
    [scratch.id],
  );
  await manager.query(
    `INSERT INTO measure_definitions (clinic_id, id, key, source, current_version, created_at)
     SELECT c.id, ${id('measure', 'c.k', 'd.key')}, d.key, d.source, d.current_version,
            ${now} - interval '400 days'
       FROM measure_definitions d CROSS JOIN lg_clinic c WHERE d.clinic_id = $1`,
    [scratch.id],
  );
  await manager.query(
    `INSERT INTO measure_definition_versions (clinic_id, id, definition_id, version, body,
                                              created_at)
     SELECT c.id, ${id('measure-version', 'c.k', 'd.key', 'v.version')},
            ${id('measure', 'c.k', 'd.key')}, v.version, v.body, ${now} - interval '400 days'
       FROM measure_definition_versions v
       JOIN measure_definitions d ON d.clinic_id = v.clinic_id AND d.id = v.definition_id
       CROSS JOIN lg_clinic c WHERE v.clinic_id = $1`,
    [scratch.id],
  );
  for (const table of [
    'measure_definition_versions',
    'measure_definitions',
    'programs',
    'exercise_versions',
    'exercises',
  ]) {
    await manager.query(`DELETE FROM ${table} WHERE clinic_id = $1`, [scratch.id]);
  }
  await manager.query(`DELETE FROM clinics WHERE id = $1`, [scratch.id]);
}

/**
 * Answers for the planned exercises, written by the demo's generator and checked against each
 * exercise's own form: `ANSWER_SAMPLES` per mood step and language, so the words and scores of a
 * couple follow its mood.
 */
async function answerSamples(manager: EntityManager): Promise<void> {
  await manager.query(
    `CREATE TEMP TABLE lg_sample (key text, locale text, n int, answers jsonb) ON COMMIT DROP`,
  );
  const [first] = await manager.query(`SELECT id FROM lg_clinic WHERE k = 0`);
  for (const plan of PLAN) {
    const [version]: Array<{ definition: ExerciseTemplate }> = await manager.query(
      `SELECT v.definition FROM exercise_versions v
         JOIN exercises e ON e.clinic_id = v.clinic_id AND e.id = v.exercise_id
        WHERE v.clinic_id = $1 AND e.key = $2 AND v.version = 1`,
      [first.id, plan.key],
    );
    if (!version) throw new Error(`the library has no ${plan.key}`);
    const template = version.definition;
    for (const locale of ['en', 'es'] as DemoLocale[]) {
      const rng = seededRng(`loadgen:${plan.key}:${locale}`);
      const samples: string[] = [];
      for (let step = 0; step < MOOD_STEPS; step += 1) {
        for (let sample = 0; sample < ANSWER_SAMPLES; sample += 1) {
          const mood = (step + rng()) / MOOD_STEPS;
          const checked = validateAnswers(template.form, demoAnswers(plan.key, rng, locale, mood));
          if (!checked.ok) throw new Error(`answers for ${plan.key}: ${JSON.stringify(checked)}`);
          const options = template.visibilityOptions;
          const visibility: Visibility =
            options.includes('partner') && rng() < 0.65 ? 'partner' : 'therapist';
          samples.push(
            JSON.stringify(
              Object.fromEntries(
                Object.entries(checked.value).map(([prompt, value]) => [
                  prompt,
                  { value, visibility },
                ]),
              ),
            ),
          );
        }
      }
      await manager.query(
        `INSERT INTO lg_sample SELECT $1, $2, n - 1, answers::jsonb
           FROM unnest($3::text[]) WITH ORDINALITY AS u(answers, n)`,
        [plan.key, locale, samples],
      );
    }
  }
}
