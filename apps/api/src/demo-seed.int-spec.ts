import type { DataSource } from 'typeorm';
import { DEFAULT_REMINDERS_OPTIONS, ReminderPlanner } from '@mend/server-reminders';
import { asClinic, ownerDataSource } from '@mend/server-testing';
import { setTenant, type StoredAnswers } from '@mend/server-db';
import { validateAnswers, type ExerciseTemplate } from '@mend/shared-exercises';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Runs `db-cli seed` exactly as `npm start` and tools/dev/db.mjs do, against this run's test
 * database (jest.setup-env.cjs has set DATABASE_OWNER_URL). The tools are not a library, so
 * the seed is run, not imported.
 */
async function runSeed(): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'tools/db/db-cli.ts', 'seed'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'tools/tsconfig.swc-node.json',
        TS_NODE_PROJECT: 'tsconfig.base.json',
      },
    },
  );
}

const CLINICS = {
  harbor: '0b7c6f0e-5d1a-4c1e-9a41-6f2f4b1d0001',
  northside: '0b7c6f0e-5d1a-4c1e-9a41-6f2f4b1d0002',
};

const TABLES = [
  'couples',
  'couple_partners',
  'couple_therapists',
  'assignments',
  'occurrences',
  'responses',
  'response_feedback',
  'promises',
  'alerts',
  'safety_flags',
  'exercises',
  'users',
  'deliveries',
  'measure_schedules',
  'measure_administrations',
];

describe('the demo seed (real PostgreSQL)', () => {
  let owner: DataSource;
  let countsAfterFirst: Record<string, number>;

  const counts = async () => {
    const result: Record<string, number> = {};
    for (const [name, clinicId] of Object.entries(CLINICS)) {
      for (const table of TABLES) {
        const [row] = await asClinic<Array<{ n: string }>>(
          owner,
          clinicId,
          `SELECT count(*) AS n FROM ${table} WHERE clinic_id = $1`,
          [clinicId],
        );
        result[`${name}.${table}`] = Number(row?.n);
      }
    }
    return result;
  };

  beforeAll(async () => {
    owner = await ownerDataSource();
    await runSeed();
    countsAfterFirst = await counts();
    await runSeed();
  }, 120_000);

  afterAll(async () => {
    await owner.destroy();
  });

  it('changes nothing when run a second time', async () => {
    expect(countsAfterFirst['harbor.responses']).toBeGreaterThan(0);
    expect(await counts()).toEqual(countsAfterFirst);
  });

  it.each(Object.entries(CLINICS))(
    '%s: three active couples, each with assignments, acknowledged policy and history',
    async (_name, clinicId) => {
      const couples = await asClinic<
        Array<{
          label: string;
          status: string;
          time_zone: string;
          clinic_zone: string;
          assignments: string;
          acknowledged: string;
          therapists: string;
          submitted: string;
        }>
      >(
        owner,
        clinicId,
        `SELECT c.label, c.status, c.time_zone, cl.time_zone AS clinic_zone,
                (SELECT count(*) FROM assignments a WHERE a.clinic_id = c.clinic_id AND a.couple_id = c.id) AS assignments,
                (SELECT count(*) FROM couple_partners p WHERE p.clinic_id = c.clinic_id AND p.couple_id = c.id
                   AND p.policy_acknowledged_at IS NOT NULL) AS acknowledged,
                (SELECT count(*) FROM couple_therapists t WHERE t.clinic_id = c.clinic_id AND t.couple_id = c.id) AS therapists,
                (SELECT count(*) FROM responses r WHERE r.clinic_id = c.clinic_id AND r.couple_id = c.id
                   AND r.status = 'submitted') AS submitted
           FROM couples c JOIN clinics cl ON cl.id = c.clinic_id
          WHERE c.clinic_id = $1`,
        [clinicId],
      );
      expect(couples).toHaveLength(3);
      for (const couple of couples) {
        expect(couple.status).toBe('active');
        expect(couple.time_zone).toBe(couple.clinic_zone);
        expect(Number(couple.assignments)).toBeGreaterThanOrEqual(2);
        expect(Number(couple.acknowledged)).toBe(2);
        expect(Number(couple.therapists)).toBe(1);
        expect(Number(couple.submitted)).toBeGreaterThan(0);
      }
      const submitted = couples.reduce((sum, couple) => sum + Number(couple.submitted), 0);
      expect(submitted).toBeGreaterThanOrEqual(20);
    },
  );

  it.each(Object.entries(CLINICS))(
    '%s: every stored answer is valid for the version it was given',
    async (_name, clinicId) => {
      const rows = await asClinic<
        Array<{ answers: StoredAnswers; definition: ExerciseTemplate; status: string }>
      >(
        owner,
        clinicId,
        `SELECT r.answers, v.definition, r.status
           FROM responses r
           JOIN occurrences o ON o.clinic_id = r.clinic_id AND o.id = r.occurrence_id
           JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
           JOIN exercise_versions v ON v.clinic_id = a.clinic_id AND v.id = a.exercise_version_id
          WHERE r.clinic_id = $1`,
        [clinicId],
      );
      expect(rows.length).toBeGreaterThanOrEqual(20);
      for (const row of rows) {
        expect(row.status).toBe('submitted');
        const values = Object.fromEntries(
          Object.entries(row.answers).map(([id, answer]) => [id, answer.value]),
        );
        const checked = validateAnswers(row.definition.form, values);
        expect(checked).toEqual({ ok: true, value: values });
        for (const answer of Object.values(row.answers)) {
          expect(row.definition.visibilityOptions).toContain(answer.visibility);
        }
      }
      const visibilities = new Set(
        rows.flatMap((row) => Object.values(row.answers).map((answer) => answer.visibility)),
      );
      expect(visibilities).toEqual(new Set(['therapist', 'partner']));
    },
  );

  it.each(Object.entries(CLINICS))(
    '%s: a believable history: missed and late work, feedback, promises, alerts, no safety flags',
    async (_name, clinicId) => {
      const [row] = await asClinic<
        Array<{
          missed_unanswered: string;
          missed_answered: string;
          future_answered: string;
          late: string;
          feedback: string;
          safety: string;
          open_alerts: string;
          past_open_promises: string;
        }>
      >(
        owner,
        clinicId,
        `SELECT
           (SELECT count(*) FROM occurrences o WHERE o.clinic_id = $1 AND o.status = 'missed'
              AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.clinic_id = o.clinic_id AND r.occurrence_id = o.id)) AS missed_unanswered,
           (SELECT count(*) FROM occurrences o WHERE o.clinic_id = $1 AND o.status = 'missed'
              AND EXISTS (SELECT 1 FROM responses r WHERE r.clinic_id = o.clinic_id AND r.occurrence_id = o.id)) AS missed_answered,
           (SELECT count(*) FROM responses r JOIN occurrences o ON o.clinic_id = r.clinic_id AND o.id = r.occurrence_id
              WHERE r.clinic_id = $1 AND (o.due_at > now() AND NOT r.late OR r.submitted_at > now())) AS future_answered,
           (SELECT count(*) FROM responses WHERE clinic_id = $1 AND late) AS late,
           (SELECT count(*) FROM response_feedback WHERE clinic_id = $1) AS feedback,
           (SELECT count(*) FROM safety_flags WHERE clinic_id = $1) AS safety,
           (SELECT count(*) FROM alerts WHERE clinic_id = $1 AND status = 'open') AS open_alerts,
           (SELECT count(*) FROM promises WHERE clinic_id = $1 AND status = 'open' AND confirmed_at IS NOT NULL) AS past_open_promises`,
        [clinicId],
      );
      expect(Number(row?.missed_unanswered)).toBeGreaterThan(0);
      expect(Number(row?.missed_answered)).toBe(0);
      expect(Number(row?.future_answered)).toBe(0);
      expect(Number(row?.late)).toBeGreaterThan(0);
      expect(Number(row?.feedback)).toBeGreaterThan(0);
      expect(Number(row?.safety)).toBe(0);
      expect(Number(row?.open_alerts)).toBeGreaterThan(0);
      expect(Number(row?.past_open_promises)).toBe(0);

      const promises = await asClinic<Array<{ couple_id: string; statuses: string[] }>>(
        owner,
        clinicId,
        `SELECT couple_id, array_agg(status::text ORDER BY due_date) AS statuses
           FROM promises WHERE clinic_id = $1 GROUP BY couple_id`,
        [clinicId],
      );
      expect(promises).toHaveLength(3);
      for (const { statuses } of promises) {
        expect(statuses.length).toBeGreaterThanOrEqual(2);
        expect(statuses.length).toBeLessThanOrEqual(4);
        expect(statuses.filter((status) => status === 'open')).toHaveLength(1);
      }
    },
  );

  it.each(Object.entries(CLINICS))(
    '%s: every couple has 4–6 answered rounds of the trust check-in per partner, one couple diverging',
    async (_name, clinicId) => {
      const rows = await asClinic<
        Array<{ email: string; seat: string; totals: string[]; open: string }>
      >(
        owner,
        clinicId,
        `SELECT split_part(u.email, '@', 1) AS email, p.seat,
                array_agg(a.total::text ORDER BY a.opens_at) FILTER (WHERE a.answered_at IS NOT NULL) AS totals,
                count(*) FILTER (WHERE a.answered_at IS NULL AND now() BETWEEN a.opens_at AND a.expires_at) AS open
           FROM measure_administrations a
           JOIN measure_definition_versions v ON v.clinic_id = a.clinic_id AND v.id = a.definition_version_id
           JOIN measure_definitions d ON d.clinic_id = v.clinic_id AND d.id = v.definition_id
           JOIN couple_partners p ON p.clinic_id = a.clinic_id AND p.user_id = a.partner_user_id
           JOIN users u ON u.clinic_id = a.clinic_id AND u.id = a.partner_user_id
          WHERE a.clinic_id = $1 AND d.key = 'mend-trust'
          GROUP BY u.email, p.seat ORDER BY u.email`,
        [clinicId],
      );
      expect(rows.map((row) => row.email)).toEqual([
        'couple1.a',
        'couple1.b',
        'couple2.a',
        'couple2.b',
        'couple3.a',
        'couple3.b',
      ]);
      for (const row of rows) {
        expect(row.totals.length).toBeGreaterThanOrEqual(4);
        expect(row.totals.length).toBeLessThanOrEqual(6);
        // The latest round is still open, ready for the demo.
        expect(Number(row.open)).toBe(1);
      }
      const change = (email: string) => {
        const totals = rows.find((row) => row.email === email)?.totals.map(Number) ?? [];
        return (totals[totals.length - 1] ?? 0) - (totals[0] ?? 0);
      };
      // Couple 2 diverges: one partner trusts more, the other less.
      expect(change('couple2.a')).toBeGreaterThan(0);
      expect(change('couple2.b')).toBeLessThan(0);
    },
  );

  it("tells Harbor's stories: Jordan keeps more promises; Priya carries the work", async () => {
    const [jordan] = await asClinic<Array<{ statuses: string[] }>>(
      owner,
      CLINICS.harbor,
      `SELECT array_agg(p.status::text ORDER BY p.due_date) AS statuses
         FROM promises p JOIN users u ON u.clinic_id = p.clinic_id AND u.id = p.promiser_user_id
        WHERE p.clinic_id = $1 AND u.email = 'couple1.a@harbor.test'`,
      [CLINICS.harbor],
    );
    expect(jordan?.statuses).toEqual(['not_kept', 'partly', 'kept', 'open']);
    const perPartner = await asClinic<Array<{ email: string; submitted: string }>>(
      owner,
      CLINICS.harbor,
      `SELECT u.email, count(r.id) AS submitted
         FROM users u LEFT JOIN responses r ON r.clinic_id = u.clinic_id AND r.author_user_id = u.id
        WHERE u.clinic_id = $1 AND u.email LIKE 'couple2.%'
        GROUP BY u.email ORDER BY u.email`,
      [CLINICS.harbor],
    );
    const [priya, tom] = perPartner.map((p) => Number(p.submitted));
    expect(priya).toBeGreaterThan(2 * (tom ?? Infinity));
    const alerts = await asClinic<Array<{ kind: string; email: string | null }>>(
      owner,
      CLINICS.harbor,
      `SELECT a.kind, (SELECT email FROM users u WHERE u.clinic_id = a.clinic_id AND u.id = a.subject_user_id) AS email
         FROM alerts a JOIN couple_partners p ON p.clinic_id = a.clinic_id AND p.couple_id = a.couple_id AND p.seat = 'a'
         JOIN users pa ON pa.clinic_id = p.clinic_id AND pa.id = p.user_id
        WHERE a.clinic_id = $1 AND pa.email = 'couple2.a@harbor.test' ORDER BY a.kind`,
      [CLINICS.harbor],
    );
    expect(alerts).toEqual([
      { kind: 'missed_streak', email: null },
      { kind: 'asymmetry', email: 'couple2.b@harbor.test' },
    ]);
  });

  it('writes Northside couple 3 in Spanish', async () => {
    const rows = await asClinic<Array<{ answers: StoredAnswers; definition: ExerciseTemplate }>>(
      owner,
      CLINICS.northside,
      `SELECT r.answers, v.definition
         FROM responses r
         JOIN users u ON u.clinic_id = r.clinic_id AND u.id = r.author_user_id
         JOIN occurrences o ON o.clinic_id = r.clinic_id AND o.id = r.occurrence_id
         JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
         JOIN exercise_versions v ON v.clinic_id = a.clinic_id AND v.id = a.exercise_version_id
        WHERE r.clinic_id = $1 AND u.email LIKE 'couple3.%'`,
      [CLINICS.northside],
    );
    const texts = rows.flatMap(({ answers, definition }) =>
      definition.form.prompts
        .filter((prompt) => prompt.kind === 'short_text' || prompt.kind === 'long_text')
        .flatMap((prompt) => {
          const value = answers[prompt.id]?.value;
          return typeof value === 'string' ? [value] : [];
        }),
    );
    expect(texts.length).toBeGreaterThan(5);
    const spanish = /[áéíóúñ¿¡]|\b(que|de|la|el|los|las|y|en|al|un|una|con|sin|mi|me|no)\b/i;
    expect(texts.filter((text) => !spanish.test(text))).toEqual([]);
  });

  it('ends with the library and programs in Spanish, also on a database seeded before translations', async () => {
    const untranslated = async (clinicId: string) => {
      const [row] = await asClinic<Array<{ versions: string; programs: string }>>(
        owner,
        clinicId,
        `SELECT (SELECT count(*) FROM exercise_versions v
                   JOIN exercises e ON e.clinic_id = v.clinic_id AND e.id = v.exercise_id
                  WHERE v.clinic_id = $1 AND e.source = 'library'
                    AND NOT v.translations ? 'es') AS versions,
                (SELECT count(*) FROM programs
                  WHERE clinic_id = $1 AND source = 'library'
                    AND NOT translations ? 'es') AS programs`,
        [clinicId],
      );
      return { versions: Number(row?.versions), programs: Number(row?.programs) };
    };
    for (const clinicId of Object.values(CLINICS)) {
      expect(await untranslated(clinicId)).toEqual({ versions: 0, programs: 0 });
    }
    // As a database from before translations existed: the columns' defaults, then `npm start`.
    await asClinic(
      owner,
      CLINICS.northside,
      `UPDATE exercise_versions SET translations = DEFAULT WHERE clinic_id = $1`,
      [CLINICS.northside],
    );
    await asClinic(
      owner,
      CLINICS.northside,
      `UPDATE programs SET translations = DEFAULT WHERE clinic_id = $1`,
      [CLINICS.northside],
    );
    expect((await untranslated(CLINICS.northside)).versions).toBeGreaterThan(0);
    await runSeed();
    expect(await untranslated(CLINICS.northside)).toEqual({ versions: 0, programs: 0 });
  }, 60_000);

  it.each([
    ['harbor', CLINICS.harbor, ['digest', 'due_soon', 'escalation', 'overdue']],
    ['northside', CLINICS.northside, ['digest', 'due_soon', 'overdue']],
  ])(
    '%s: planning at the seed’s clock gives reminders of each kind due within minutes',
    async (_name, clinicId, kinds) => {
      // The seed's clock: when it wrote the digest that had not gone out yet.
      const [seeded] = await asClinic<Array<{ at: Date }>>(
        owner,
        clinicId,
        `SELECT min(created_at) AS at FROM deliveries WHERE clinic_id = $1 AND kind = 'digest'`,
        [clinicId],
      );
      const at = seeded?.at;
      if (!at) throw new Error('the seed planned no digest');
      const planner = new ReminderPlanner({ ...DEFAULT_REMINDERS_OPTIONS, tickEveryMs: null });
      await owner.transaction(async (manager) => {
        await setTenant(manager, { clinicId: clinicId });
        await planner.planClinic(manager, clinicId, at);
      });
      const due = await asClinic<Array<{ kind: string }>>(
        owner,
        clinicId,
        `SELECT DISTINCT kind::text FROM deliveries
          WHERE clinic_id = $1 AND status = 'planned' AND due_at <= $2::timestamptz + interval '5 minutes'
          ORDER BY kind`,
        [clinicId, at],
      );
      expect(due.map((row) => row.kind)).toEqual(kinds);
    },
  );
});
