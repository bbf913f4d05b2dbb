import type { DataSource } from 'typeorm';
import { setTenant, type InstalledLibrary } from '@mend/server-db';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  setSafetyPause,
  withLibrary,
  type TestCouple,
  type TestUser,
} from '@mend/server-testing';
import { addDays, todayIn } from '@mend/shared-schedule';
import { OccurrencePlanner } from '@mend/server-assignments';
import { TenantDb } from '@mend/server-tenancy';
import { findLibraryProgram } from '@mend/shared-exercises';
import { startTestApi, type TestApi } from './testing/test-api';

interface AssignmentBody {
  id: string;
  assignmentIds: string[];
  programRunId: string | null;
  completionMode: string;
  assigneeId: string | null;
  status: string;
  plannedUntil: string | null;
  exerciseTitle: string;
  exerciseTheme: string;
  scheduleDescription: string;
  reminderPolicy: unknown;
  schedule: { timeZone: string; startDate: string; endDate?: string };
}

type Fields = Record<string, string>;

const ZONE = 'America/New_York';

describe('assignments and their occurrences (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let clinicId: string;
  let library: InstalledLibrary;
  let therapist: TestUser;
  let couple: TestCouple;
  let therapistToken: string;
  let adminToken: string;
  let clientToken: string;
  let strangerToken: string;
  let foreignToken: string;

  const exerciseId = (key: string): string => {
    const installed = library.exercises.get(key);
    if (!installed) throw new Error(`no exercise ${key}`);
    return installed.exerciseId;
  };

  const assign = (body: Record<string, unknown>, token = therapistToken) =>
    api.request('POST', '/assignments', {
      token,
      body: {
        coupleId: couple.id,
        exerciseId: exerciseId('daily-check-in'),
        completionMode: 'each',
        startDate: todayIn(ZONE),
        recurrence: { kind: 'daily' },
        dueTime: '20:00',
        ...body,
      },
    });

  const countRows = async (sql: string, parameters: unknown[]): Promise<number> => {
    const [row] = await asClinic<Array<{ n: string }>>(owner, clinicId, sql, parameters);
    return Number(row?.n);
  };
  const assignmentCount = () =>
    countRows(`SELECT count(*) AS n FROM assignments WHERE couple_id = $1`, [couple.id]);

  beforeAll(async () => {
    owner = await ownerDataSource();
    const clinic = await newClinic(owner);
    clinicId = clinic.id;
    library = await withLibrary(owner, clinicId);
    therapist = await newUser(owner, clinicId, 'therapist');
    const admin = await newUser(owner, clinicId, 'clinic_admin');
    const stranger = await newUser(owner, clinicId, 'therapist');
    couple = await newCouple(owner, clinicId, { therapistIds: [therapist.id], timeZone: ZONE });
    const foreignClinic = await newClinic(owner);
    const foreignAdmin = await newUser(owner, foreignClinic.id, 'clinic_admin');
    api = await startTestApi();
    [therapistToken, adminToken, clientToken, strangerToken, foreignToken] = await Promise.all([
      api.signIn(therapist),
      api.signIn(admin),
      api.signIn(couple.partnerA),
      api.signIn(stranger),
      api.signIn(foreignAdmin),
    ]);
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  it('plans occurrences at exact local due times across the fall-back change', async () => {
    const response = await assign({
      startDate: '2026-10-30',
      endDate: '2026-11-03',
      dueTime: '09:00',
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as AssignmentBody;
    expect(created.schedule.timeZone).toBe(ZONE);
    const rows = await asClinic<Array<{ local_date: string; due_at: Date; status: string }>>(
      owner,
      clinicId,
      `SELECT local_date::text AS local_date, due_at, status FROM occurrences
        WHERE assignment_id = $1 ORDER BY due_at`,
      [created.id],
    );
    // 09:00 EDT is 13:00Z; from Sunday 1 Nov, 09:00 EST is 14:00Z.
    expect(rows.map((row) => [row.local_date, row.due_at.toISOString()])).toEqual([
      ['2026-10-30', '2026-10-30T13:00:00.000Z'],
      ['2026-10-31', '2026-10-31T13:00:00.000Z'],
      ['2026-11-01', '2026-11-01T14:00:00.000Z'],
      ['2026-11-02', '2026-11-02T14:00:00.000Z'],
      ['2026-11-03', '2026-11-03T14:00:00.000Z'],
    ]);
  });

  it('plans an open-ended assignment 28 days ahead and describes it in the reader’s words', async () => {
    const today = todayIn(ZONE);
    const response = await assign({ dueTime: '21:30', note: '  Keep it short.  ' });
    const created = (await response.json()) as AssignmentBody;
    expect(created.plannedUntil).toBe(addDays(today, 28));
    expect(created.reminderPolicy).toEqual({
      dueSoon: { kind: 'before_due', minutes: 120 },
      overdueAfterMinutes: 720,
    });
    const dates = await asClinic<Array<{ local_date: string }>>(
      owner,
      clinicId,
      `SELECT local_date::text AS local_date FROM occurrences WHERE assignment_id = $1
        ORDER BY local_date`,
      [created.id],
    );
    expect(dates).toHaveLength(29);
    expect(dates[0]?.local_date).toBe(today);
    expect(dates[28]?.local_date).toBe(addDays(today, 28));

    const read = await api.request('GET', `/assignments/${created.id}`, { token: clientToken });
    expect(read.status).toBe(200);
    const body = (await read.json()) as AssignmentBody & { note: string };
    expect(body).toMatchObject({
      exerciseTitle: 'Daily check-in',
      exerciseTheme: 'communication',
      note: 'Keep it short.',
    });
    expect(body.scheduleDescription).toMatch(/^Every day at 9:30 pm, from /);
  });

  it('extends the window from a daily job, once per date, and never for a paused assignment', async () => {
    const today = todayIn(ZONE);
    const created = (await (await assign({})).json()) as AssignmentBody;
    const planner = api.app.get(OccurrencePlanner);
    const db = api.app.get(TenantDb);
    const planTo = (until: string) =>
      db.run({ clinicId }, (manager) => planner.planAhead(manager, clinicId, created.id, until));
    const occurrences = () =>
      countRows(`SELECT count(*) AS n FROM occurrences WHERE assignment_id = $1`, [created.id]);
    expect(await occurrences()).toBe(29);
    expect(await Promise.all([planTo(addDays(today, 30)), planTo(addDays(today, 30))])).toEqual(
      expect.arrayContaining([2]),
    );
    expect(await occurrences()).toBe(31);
    expect(await planTo(addDays(today, 30))).toBe(0);
    const [row] = await asClinic<Array<{ planned_until: string }>>(
      owner,
      clinicId,
      `SELECT planned_until::text AS planned_until FROM assignments WHERE id = $1`,
      [created.id],
    );
    expect(row?.planned_until).toBe(addDays(today, 30));
    await api.request('PUT', `/assignments/${created.id}`, {
      token: therapistToken,
      body: { status: 'paused' },
    });
    expect(await planTo(addDays(today, 40))).toBe(0);
    expect(await occurrences()).toBe(31);
  });

  it('uses the answering partner’s own reminder time when there is one', async () => {
    await asClinic(owner, clinicId, `UPDATE users SET reminder_time = '07:15' WHERE id = $1`, [
      couple.partnerB.id,
    ]);
    const response = await assign({
      exerciseId: exerciseId('speaking-from-i'),
      completionMode: 'one',
      assigneeId: couple.partnerB.id,
      recurrence: { kind: 'once' },
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as AssignmentBody).reminderPolicy).toEqual({
      dueSoon: { kind: 'at_local_time', time: '07:15' },
      overdueAfterMinutes: 720,
    });
  });

  it('assigns a whole program as one run of step assignments', async () => {
    const today = todayIn(ZONE);
    const programId = library.programs.get('trust-repair-8-weeks');
    const response = await api.request('POST', '/assignments', {
      token: therapistToken,
      body: {
        coupleId: couple.id,
        programId,
        assigneeId: couple.partnerA.id,
        startDate: today,
        dueTime: '19:00',
      },
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as AssignmentBody;
    expect(created.programRunId).toEqual(expect.any(String));
    const steps = findLibraryProgram('trust-repair-8-weeks')?.steps ?? [];
    expect(steps).toHaveLength(19);
    expect(created.assignmentIds).toHaveLength(19);

    const list = await api.request(
      'GET',
      `/assignments?filter=${encodeURIComponent(JSON.stringify({ programRunId: created.programRunId }))}&range=[0,99]`,
      { token: therapistToken },
    );
    expect(list.headers.get('content-range')).toBe('assignments 0-18/19');
    const assigned = (await list.json()) as AssignmentBody[];
    expect(new Set(assigned.map((step) => step.programRunId))).toEqual(
      new Set([created.programRunId]),
    );
    const apology = assigned.find((step) => step.exerciseTitle === 'A sincere apology letter');
    const receiving = assigned.find((step) => step.exerciseTitle === 'Receiving an apology');
    expect(apology).toMatchObject({ completionMode: 'one', assigneeId: couple.partnerA.id });
    expect(apology?.schedule).toMatchObject({ startDate: addDays(today, 14) });
    expect(receiving).toMatchObject({ completionMode: 'one', assigneeId: couple.partnerB.id });
    const checkIn = assigned.find(
      (step) => step.exerciseTitle === 'Daily check-in' && step.schedule.startDate !== today,
    );
    expect(checkIn?.schedule).toMatchObject({
      startDate: addDays(today, 28),
      endDate: addDays(today, 55),
    });

    const firstWeek = await asClinic<Array<{ title: string; local_date: string }>>(
      owner,
      clinicId,
      `SELECT ev.title, o.local_date::text AS local_date FROM occurrences o
         JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
         JOIN exercise_versions ev ON ev.clinic_id = a.clinic_id AND ev.id = a.exercise_version_id
        WHERE a.program_run_id = $1 AND o.local_date < $2::date ORDER BY ev.title`,
      [created.programRunId, addDays(today, 7)],
    );
    expect(firstWeek).toEqual([
      { title: 'Healing at its own pace', local_date: today },
      { title: 'Where my distrust comes from', local_date: today },
    ]);
  });

  it('pausing cancels future occurrences and keeps past answers; resuming plans again', async () => {
    const today = todayIn(ZONE);
    const created = (await (
      await assign({ startDate: addDays(today, -3), dueTime: '08:00' })
    ).json()) as AssignmentBody;
    const [past] = await asClinic<Array<{ id: string }>>(
      owner,
      clinicId,
      `SELECT id FROM occurrences WHERE assignment_id = $1 ORDER BY due_at LIMIT 1`,
      [created.id],
    );
    const submitted = await api.request('POST', `/occurrences/${past?.id}/responses`, {
      token: clientToken,
      body: { answers: { mood: { value: 6, visibility: 'partner' }, connection: { value: 5 } } },
    });
    expect(submitted.status).toBe(201);
    const before = await asClinic<Array<{ answers: unknown; updated_at: Date }>>(
      owner,
      clinicId,
      `SELECT answers, updated_at FROM responses WHERE occurrence_id = $1`,
      [past?.id],
    );

    const paused = await api.request('PUT', `/assignments/${created.id}`, {
      token: therapistToken,
      body: { status: 'paused' },
    });
    expect(paused.status).toBe(200);
    expect(await paused.json()).toMatchObject({ status: 'paused' });
    const statuses = () =>
      asClinic<Array<{ future: boolean; status: string; n: string }>>(
        owner,
        clinicId,
        `SELECT due_at > now() AS future, status, count(*) AS n FROM occurrences
          WHERE assignment_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
        [created.id],
      );
    const afterPause = await statuses();
    expect(afterPause.filter((row) => row.future).map((row) => row.status)).toEqual(['cancelled']);
    expect(afterPause.filter((row) => !row.future).map((row) => row.status)).toEqual(['open']);
    expect(
      await asClinic(
        owner,
        clinicId,
        `SELECT answers, updated_at FROM responses WHERE occurrence_id = $1`,
        [past?.id],
      ),
    ).toEqual(before);

    const resumed = await api.request('PUT', `/assignments/${created.id}`, {
      token: therapistToken,
      body: { status: 'active' },
    });
    expect(resumed.status).toBe(200);
    const afterResume = await statuses();
    expect(afterResume.filter((row) => row.future).map((row) => row.status)).toEqual(['open']);

    const ended = await api.request('PUT', `/assignments/${created.id}`, {
      token: therapistToken,
      body: { status: 'ended' },
    });
    expect(ended.status).toBe(200);
    const restart = await api.request('PUT', `/assignments/${created.id}`, {
      token: therapistToken,
      body: { status: 'active' },
    });
    expect(restart.status).toBe(409);
  });

  it('moves the due time of occurrences still ahead and cuts them at a new end date', async () => {
    const today = todayIn(ZONE);
    const created = (await (await assign({ dueTime: '20:00' })).json()) as AssignmentBody;
    const updated = await api.request('PUT', `/assignments/${created.id}`, {
      token: therapistToken,
      body: { dueTime: '10:00', endDate: addDays(today, 9) },
    });
    expect(updated.status).toBe(200);
    const rows = await asClinic<Array<{ local_date: string; due_at: Date; status: string }>>(
      owner,
      clinicId,
      `SELECT local_date::text AS local_date, due_at, status FROM occurrences
        WHERE assignment_id = $1 AND local_date = $2::date`,
      [created.id, addDays(today, 5)],
    );
    expect(rows[0]?.status).toBe('open');
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      hour: '2-digit',
      minute: '2-digit',
    }).format(rows[0]?.due_at);
    expect(local).toBe('10:00');
    expect(
      await countRows(
        `SELECT count(*) AS n FROM occurrences WHERE assignment_id = $1 AND status = 'open'
           AND local_date > $2::date`,
        [created.id, addDays(today, 9)],
      ),
    ).toBe(0);
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    it('refuses a completion mode the exercise does not allow', async () => {
      const before = await assignmentCount();
      const response = await assign({ completionMode: 'joint' });
      expect(response.status).toBe(400);
      expect(Object.keys(((await response.json()) as { fields: Fields }).fields)).toEqual([
        'completionMode',
      ]);
      expect(await assignmentCount()).toBe(before);
    });

    it('refuses an assignee who is not a partner of the couple', async () => {
      const before = await assignmentCount();
      const response = await assign({
        exerciseId: exerciseId('speaking-from-i'),
        completionMode: 'one',
        assigneeId: therapist.id,
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { fields: Fields }).fields).toHaveProperty('assigneeId');
      const missing = await assign({
        exerciseId: exerciseId('speaking-from-i'),
        completionMode: 'one',
      });
      expect(((await missing.json()) as { fields: Fields }).fields).toHaveProperty('assigneeId');
      const needless = await assign({ assigneeId: couple.partnerA.id });
      expect(((await needless.json()) as { fields: Fields }).fields).toHaveProperty('assigneeId');
      expect(await assignmentCount()).toBe(before);
    });

    it('names every other bad field', async () => {
      const before = await assignmentCount();
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ recurrence: { kind: 'weekdays', weekdays: [] } }, 'recurrence.weekdays'],
        [{ recurrence: { kind: 'hourly' } }, 'recurrence.kind'],
        [{ dueTime: '25:00' }, 'dueTime'],
        [{ startDate: '2026-02-30' }, 'startDate'],
        [{ startDate: '2020-01-01' }, 'startDate'],
        [{ startDate: '2027-01-10', endDate: '2027-01-01' }, 'endDate'],
        [
          { reminderPolicy: { dueSoon: { kind: 'sometimes' }, overdueAfterMinutes: 5 } },
          'reminderPolicy.dueSoon.kind',
        ],
        [{ note: 'x'.repeat(1001) }, 'note'],
        [{ programId: library.programs.get('trust-repair-8-weeks') }, 'exerciseId'],
        [{ exerciseId: '00000000-0000-4000-8000-000000000000' }, 'exerciseId'],
        [
          {
            programId: library.programs.get('trust-repair-8-weeks'),
            exerciseId: undefined,
            completionMode: undefined,
            recurrence: undefined,
          },
          'assigneeId',
        ],
        [
          {
            programId: library.programs.get('trust-repair-8-weeks'),
            exerciseId: undefined,
            assigneeId: couple.partnerA.id,
          },
          'recurrence',
        ],
        [{ clinicId: '00000000-0000-4000-8000-000000000000' }, 'clinicId'],
      ];
      for (const [body, field] of cases) {
        const response = await assign(body);
        expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
        const { fields } = (await response.json()) as { fields: Fields };
        expect([JSON.stringify(body), Object.keys(fields)]).toEqual([
          JSON.stringify(body),
          expect.arrayContaining([field]),
        ]);
      }
      const update = await api.request('PUT', `/assignments/${await anyAssignmentId()}`, {
        token: therapistToken,
        body: { status: 'archived', coupleId: couple.id },
      });
      expect(update.status).toBe(400);
      expect(Object.keys(((await update.json()) as { fields: Fields }).fields).sort()).toEqual([
        'coupleId',
        'status',
      ]);
      const list = await api.request(
        'GET',
        `/assignments?filter=${encodeURIComponent(JSON.stringify({ status: 'archived' }))}`,
        { token: therapistToken },
      );
      expect(list.status).toBe(400);
      expect(Object.keys(((await list.json()) as { fields: Fields }).fields)).toEqual([
        'filter.status',
      ]);
      expect(await assignmentCount()).toBe(before);
    });
  });

  it('refuses new joint work while a safety concern pauses it', async () => {
    await setSafetyPause(owner, clinicId, couple.id, true);
    try {
      const before = await assignmentCount();
      const response = await assign({
        exerciseId: exerciseId('weekly-couple-meeting'),
        completionMode: 'joint',
        recurrence: { kind: 'weekdays', weekdays: [7] },
      });
      expect(response.status).toBe(409);
      const program = await api.request('POST', '/assignments', {
        token: therapistToken,
        body: {
          coupleId: couple.id,
          programId: library.programs.get('communication-foundations-4-weeks'),
          startDate: todayIn(ZONE),
          dueTime: '19:00',
        },
      });
      expect(program.status).toBe(409);
      expect(await assignmentCount()).toBe(before);
      expect((await assign({})).status).toBe(201);
    } finally {
      await setSafetyPause(owner, clinicId, couple.id, false);
    }
  });

  async function anyAssignmentId(): Promise<string> {
    const [row] = await asClinic<Array<{ id: string }>>(
      owner,
      clinicId,
      `SELECT id FROM assignments WHERE couple_id = $1 AND status = 'active' LIMIT 1`,
      [couple.id],
    );
    if (!row) throw new Error('no assignment yet');
    return row.id;
  }

  describe('who may do what', () => {
    it('lets no one outside the clinic see or touch an assignment (404)', async () => {
      const id = await anyAssignmentId();
      const before = await assignmentCount();
      expect((await assign({}, foreignToken)).status).toBe(404);
      expect((await api.request('GET', `/assignments/${id}`, { token: foreignToken })).status).toBe(
        404,
      );
      const put = await api.request('PUT', `/assignments/${id}`, {
        token: foreignToken,
        body: { status: 'ended' },
      });
      expect(put.status).toBe(404);
      const list = await api.request(
        'GET',
        `/assignments?filter=${encodeURIComponent(JSON.stringify({ coupleId: couple.id }))}`,
        { token: foreignToken },
      );
      expect(await list.json()).toEqual([]);
      expect(list.headers.get('content-range')).toBe('assignments 0-0/0');
      expect(await assignmentCount()).toBe(before);
      const [row] = await asClinic<Array<{ status: string }>>(
        owner,
        clinicId,
        `SELECT status FROM assignments WHERE id = $1`,
        [id],
      );
      expect(row?.status).toBe('active');
    });

    it('treats a therapist of other couples like a stranger (404)', async () => {
      const id = await anyAssignmentId();
      expect((await assign({}, strangerToken)).status).toBe(404);
      expect(
        (await api.request('GET', `/assignments/${id}`, { token: strangerToken })).status,
      ).toBe(404);
      expect(
        (
          await api.request('PUT', `/assignments/${id}`, {
            token: strangerToken,
            body: { status: 'paused' },
          })
        ).status,
      ).toBe(404);
    });

    it('refuses clients who try to assign or change work (403)', async () => {
      const id = await anyAssignmentId();
      const before = await assignmentCount();
      expect((await assign({}, clientToken)).status).toBe(403);
      const put = await api.request('PUT', `/assignments/${id}`, {
        token: clientToken,
        body: { status: 'ended' },
      });
      expect(put.status).toBe(403);
      expect(await assignmentCount()).toBe(before);
    });

    it('lets admins assign, and shows clients their couple’s work once they accepted the privacy note', async () => {
      expect((await assign({}, adminToken)).status).toBe(201);
      const list = await api.request('GET', '/assignments', { token: clientToken });
      expect(list.status).toBe(200);
      const rows = (await list.json()) as AssignmentBody[];
      expect(rows.length).toBeGreaterThan(0);

      const newcomers = await newCouple(owner, clinicId, {
        therapistIds: [therapist.id],
        acknowledged: false,
      });
      const newcomerToken = await api.signIn(newcomers.partnerA);
      const refused = await api.request('GET', '/assignments', { token: newcomerToken });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: 'policy_not_acknowledged' });
    });
  });
});

describe('the rolling occurrence window (real PostgreSQL)', () => {
  it('finds clinics running short and extends their assignments, once', async () => {
    const owner = await ownerDataSource();
    try {
      const clinic = await newClinic(owner);
      const therapist = await newUser(owner, clinic.id, 'therapist');
      const couple = await newCouple(owner, clinic.id, { therapistIds: [therapist.id] });
      const library = await withLibrary(owner, clinic.id);
      const api = await startTestApi();
      try {
        const created = await api.request('POST', '/assignments', {
          token: await api.signIn(therapist),
          body: {
            coupleId: couple.id,
            exerciseId: library.exercises.get('daily-check-in')?.exerciseId,
            completionMode: 'each',
            startDate: todayIn(ZONE),
            recurrence: { kind: 'daily' },
            dueTime: '20:00',
          },
        });
        expect(created.status).toBe(201);
      } finally {
        await api.close();
      }
      const count = async () => {
        const [row] = await asClinic<Array<{ n: string }>>(
          owner,
          clinic.id,
          'SELECT count(*) AS n FROM occurrences WHERE couple_id = $1',
          [couple.id],
        );
        return Number(row?.n);
      };
      const before = await count();
      const due = async () =>
        (
          (await owner.query(
            'SELECT clinic_id FROM clinics_with_assignments_to_plan(21)',
          )) as Array<{
            clinic_id: string;
          }>
        ).map((row) => row.clinic_id);
      expect(await due()).not.toContain(clinic.id);

      // Ten days on, the window has run down to 18 days: the clinic is due for planning.
      const later = new Date(Date.now() + 10 * 86_400_000);
      await asClinic(
        owner,
        clinic.id,
        `UPDATE assignments SET planned_until = planned_until - 10 WHERE couple_id = $1`,
        [couple.id],
      );
      expect(await due()).toContain(clinic.id);
      const planner = new OccurrencePlanner();
      const plan = () =>
        owner.transaction(async (manager) => {
          await setTenant(manager, { clinicId: clinic.id });
          return planner.planClinic(manager, clinic.id, later);
        });
      expect(await plan()).toBe(10);
      expect(await count()).toBe(before + 10);
      expect(await plan()).toBe(0);
    } finally {
      await owner.destroy();
    }
  });
});
