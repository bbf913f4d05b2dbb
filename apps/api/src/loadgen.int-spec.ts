import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '@mend/server-config';
import { dataSourceOptions, setTenant, type StoredAnswers } from '@mend/server-db';
import { validateAnswers, type ExerciseTemplate } from '@mend/shared-exercises';

const ROOT = path.resolve(__dirname, '../../..');
const run = promisify(execFile);

/**
 * `npm run loadgen` as people run it (the tools are not a library), small: into a database of
 * its own beside this run's test database, which is dropped afterwards.
 */
describe('tools/loadgen (real PostgreSQL)', () => {
  const config = loadConfig();
  const testDatabase = new URL(config.DATABASE_URL).pathname.slice(1);
  const database = `${testDatabase}_loadgen`;
  const on = (url: string) => {
    const parsed = new URL(url);
    parsed.pathname = `/${database}`;
    return parsed.toString();
  };
  const admin = process.env['DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let app: DataSource;
  let superuser: DataSource;

  const loadgen = (...args: string[]) =>
    run(process.execPath, ['tools/loadgen/loadgen.mjs', ...args], {
      cwd: ROOT,
      env: process.env,
      maxBuffer: 10_000_000,
    });

  beforeAll(async () => {
    await loadgen(
      ...['--database', database, '--couples', '40', '--big-clinic', '20', '--heavy-caseload'],
      ...['12', '--clinic-size', '10', '--caseload', '5', '--seed', '7'],
      ...['--now', '2026-11-30T12:00:00Z'],
    );
    app = await new DataSource(
      dataSourceOptions({ url: on(config.DATABASE_URL), applicationName: 'loadgen-test' }),
    ).initialize();
    superuser = await new DataSource(
      dataSourceOptions({ url: on(admin), applicationName: 'loadgen-test' }),
    ).initialize();
  }, 120_000);

  afterAll(async () => {
    await app?.destroy();
    await superuser?.destroy();
    const postgres = await new DataSource(
      dataSourceOptions({ url: admin, applicationName: 'loadgen-test' }),
    ).initialize();
    await postgres.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await postgres.destroy();
  });

  it('refuses the configured database (it drops what it fills) unless forced', async () => {
    await expect(loadgen('--database', testDatabase, '--couples', '1')).rejects.toMatchObject({
      stderr: expect.stringContaining('Pass --force'),
    });
  });

  it('makes the clinics, people and couples asked for', async () => {
    const [counts] = await superuser.query(
      `SELECT (SELECT count(*)::int FROM clinics) AS clinics,
              (SELECT count(*)::int FROM couples) AS couples,
              (SELECT count(*)::int FROM users WHERE role = 'client') AS partners,
              (SELECT count(*)::int FROM users WHERE role = 'clinic_admin') AS admins,
              (SELECT count(*)::int FROM users WHERE role = 'therapist') AS therapists`,
    );
    // Clinic 0 has 20 couples (therapist 0 carries 12, two more carry 5 and 3); two clinics of 10.
    expect(counts).toEqual({ clinics: 3, couples: 40, partners: 80, admins: 3, therapists: 7 });
    const [heavy] = await superuser.query(
      `SELECT count(*)::int AS n FROM couple_therapists ct
         JOIN users u ON u.clinic_id = ct.clinic_id AND u.id = ct.therapist_user_id
        WHERE u.email = 'therapist0@c0.load.test'`,
    );
    expect(heavy.n).toBe(12);
  });

  it('shows the app role one clinic at a time, through row-level security', async () => {
    const clinics: Array<{ id: string; name: string }> = await superuser.query(
      `SELECT id, name FROM clinics ORDER BY name`,
    );
    for (const clinic of clinics) {
      const seen = await app.transaction(async (manager) => {
        await setTenant(manager, { clinicId: clinic.id });
        return manager.query(`SELECT DISTINCT clinic_id FROM responses`);
      });
      expect(seen).toEqual([{ clinic_id: clinic.id }]);
    }
  });

  it('writes answers each exercise form accepts, with visibilities it offers', async () => {
    const rows: Array<{ answers: StoredAnswers; definition: ExerciseTemplate }> =
      await superuser.query(
        `SELECT DISTINCT ON (r.answers) r.answers, v.definition
           FROM responses r
           JOIN occurrences o ON o.clinic_id = r.clinic_id AND o.id = r.occurrence_id
           JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
           JOIN exercise_versions v ON v.clinic_id = a.clinic_id AND v.id = a.exercise_version_id`,
      );
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      const values = Object.fromEntries(
        Object.entries(row.answers).map(([id, answer]) => [id, answer.value]),
      );
      expect(validateAnswers(row.definition.form, values)).toEqual({ ok: true, value: values });
      for (const answer of Object.values(row.answers)) {
        expect(row.definition.visibilityOptions).toContain(answer.visibility);
      }
    }
  });

  it('keeps occurrences, responses and reminders consistent with each other and the clock', async () => {
    const [problems] = await superuser.query(
      `SELECT
         (SELECT count(*)::int FROM occurrences o WHERE o.status = 'completed' AND NOT EXISTS
            (SELECT 1 FROM responses r WHERE r.clinic_id = o.clinic_id AND r.occurrence_id = o.id))
           AS completed_unanswered,
         (SELECT count(*)::int FROM occurrences o WHERE o.status = 'missed' AND EXISTS
            (SELECT 1 FROM responses r WHERE r.clinic_id = o.clinic_id AND r.occurrence_id = o.id))
           AS missed_answered,
         (SELECT count(*)::int FROM responses r WHERE r.submitted_at > '2026-11-30T12:00:00Z')
           AS answered_later,
         (SELECT count(*)::int FROM deliveries d WHERE d.status = 'sent' AND NOT EXISTS
            (SELECT 1 FROM notifications n WHERE n.clinic_id = d.clinic_id AND n.delivery_id = d.id))
           AS sent_without_notification`,
    );
    expect(problems).toEqual({
      completed_unanswered: 0,
      missed_answered: 0,
      answered_later: 0,
      sent_without_notification: 0,
    });
    const [kinds] = await superuser.query(
      `SELECT (SELECT count(*)::int FROM occurrences WHERE status = 'missed') AS missed,
              (SELECT count(*)::int FROM occurrences WHERE status = 'open') AS open,
              (SELECT count(*)::int FROM response_feedback) AS feedback,
              (SELECT count(*)::int FROM promises WHERE status = 'kept') AS kept`,
    );
    for (const value of Object.values(kinds)) expect(value).toBeGreaterThan(0);
  });
});
