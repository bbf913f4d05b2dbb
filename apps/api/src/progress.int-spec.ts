import type { DataSource } from 'typeorm';
import { setTenant } from '@mend/server-db';
import {
  AlertEvaluator,
  CoupleProgressCalculator,
  EngagementRepository,
  OccurrenceCloser,
} from '@mend/server-progress';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  withLibrary,
  type TestCouple,
  type TestUser,
} from '@mend/server-testing';
import { startTestApi, type TestApi } from './testing/test-api';

const DAY = 86_400_000;

interface Progress {
  partners: Array<{
    userId: string;
    completion30: number | null;
    streak: number;
    missedInARow: number;
  }>;
  asymmetryFlagged: boolean;
  weekly: Array<number | null>;
}

describe('progress, caseload and alerts (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let therapist: TestUser;
  let therapistToken: string;
  let carried: TestCouple;
  let engaged: TestCouple;
  let versionId: string;

  /** A daily `each` exercise for the last `days` days; `answered(day, seat)` says who answered. */
  async function history(
    couple: TestCouple,
    days: number,
    answered: (daysAgo: number, seat: 'a' | 'b') => boolean,
  ): Promise<void> {
    const now = Date.now();
    await owner.transaction(async (manager) => {
      await setTenant(manager, { clinicId: couple.clinicId });
      const [assignment] = (await manager.query(
        `INSERT INTO assignments (clinic_id, couple_id, exercise_version_id, completion_mode, schedule, reminder_policy)
         VALUES ($1, $2, $3, 'each', $4, $5) RETURNING id`,
        [
          couple.clinicId,
          couple.id,
          versionId,
          JSON.stringify({
            timeZone: couple.timeZone,
            startDate: '2026-01-01',
            dueTime: '20:00',
            recurrence: { kind: 'daily' },
          }),
          JSON.stringify({ dueSoon: { kind: 'none' }, overdueAfterMinutes: null }),
        ],
      )) as Array<{ id: string }>;
      for (let daysAgo = days; daysAgo >= 1; daysAgo -= 1) {
        const dueAt = new Date(now - daysAgo * DAY - 3_600_000);
        const [occurrence] = (await manager.query(
          `INSERT INTO occurrences (clinic_id, assignment_id, couple_id, local_date, due_at)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [couple.clinicId, assignment?.id, couple.id, dueAt.toISOString().slice(0, 10), dueAt],
        )) as Array<{ id: string }>;
        for (const [seat, partner] of [
          ['a', couple.partnerA],
          ['b', couple.partnerB],
        ] as const) {
          if (!answered(daysAgo, seat)) continue;
          await manager.query(
            `INSERT INTO responses (clinic_id, occurrence_id, couple_id, author_user_id, status, submitted_at)
             VALUES ($1, $2, $3, $4, 'submitted', $5)`,
            [
              couple.clinicId,
              occurrence?.id,
              couple.id,
              partner.id,
              new Date(dueAt.getTime() - 600_000),
            ],
          );
        }
      }
    });
  }

  async function closeOverdue(clinicId: string): Promise<number> {
    const closer = new OccurrenceCloser(
      new AlertEvaluator(new CoupleProgressCalculator(new EngagementRepository())),
    );
    return owner.transaction(async (manager) => {
      await setTenant(manager, { clinicId: clinicId });
      return closer.closeOverdue(manager, clinicId);
    });
  }

  beforeAll(async () => {
    owner = await ownerDataSource();
    const clinic = await newClinic(owner);
    therapist = await newUser(owner, clinic.id, 'therapist');
    const library = await withLibrary(owner, clinic.id);
    versionId = library.exercises.get('daily-check-in')?.versionId ?? '';
    carried = await newCouple(owner, clinic.id, { therapistIds: [therapist.id] });
    engaged = await newCouple(owner, clinic.id, { therapistIds: [therapist.id] });
    // Partner A answers every day; partner B only on the oldest two days.
    await history(carried, 10, (daysAgo, seat) => seat === 'a' || daysAgo >= 9);
    await history(engaged, 10, () => true);
    api = await startTestApi();
    therapistToken = await api.signIn(therapist);
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  it('computes completion, streaks and one-sided work per partner', async () => {
    const response = await api.request('GET', `/couples/${carried.id}/progress`, {
      token: therapistToken,
    });
    expect(response.status).toBe(200);
    const progress = (await response.json()) as Progress;
    const a = progress.partners.find((p) => p.userId === carried.partnerA.id);
    const b = progress.partners.find((p) => p.userId === carried.partnerB.id);
    expect(a).toMatchObject({ completion30: 1, streak: 10, missedInARow: 0 });
    expect(b).toMatchObject({ completion30: 0.2, streak: 0, missedInARow: 8 });
    expect(progress.asymmetryFlagged).toBe(true);
    expect(progress.weekly).toHaveLength(8);
  });

  it('settles overdue occurrences and raises missed and asymmetry alerts once', async () => {
    expect(await closeOverdue(carried.clinicId)).toBe(20);
    expect(await closeOverdue(carried.clinicId)).toBe(0);
    const statuses = await asClinic<Array<{ status: string; count: string }>>(
      owner,
      carried.clinicId,
      `SELECT status, count(*) FROM occurrences WHERE couple_id = $1 GROUP BY status ORDER BY status`,
      [carried.id],
    );
    // Partner A answered every day, so no occurrence was missed by both.
    expect(statuses).toEqual([{ status: 'completed', count: '10' }]);
    const alerts = (await (
      await api.request(
        'GET',
        `/alerts?filter=${encodeURIComponent(JSON.stringify({ coupleId: carried.id }))}`,
        {
          token: therapistToken,
        },
      )
    ).json()) as Array<{ kind: string; subjectUserId: string | null }>;
    expect(alerts.map((alert) => alert.kind).sort()).toEqual(['asymmetry', 'missed_streak']);
    for (const alert of alerts) expect(alert.subjectUserId).toBe(carried.partnerB.id);
    const calm = await api.request(
      'GET',
      `/alerts?filter=${encodeURIComponent(JSON.stringify({ coupleId: engaged.id }))}`,
      { token: therapistToken },
    );
    expect(await calm.json()).toEqual([]);
  });

  it('orders the caseload by need of attention', async () => {
    const response = await api.request('GET', '/caseload', { token: therapistToken });
    expect(response.status).toBe(200);
    const rows = (await response.json()) as Array<{
      id: string;
      openAlerts: number;
      missedInARow: number;
    }>;
    expect(rows.map((row) => row.id)).toEqual([carried.id, engaged.id]);
    expect(rows[0]).toMatchObject({ openAlerts: 2, missedInARow: 8 });
    expect(response.headers.get('content-range')).toBe('caseload 0-1/2');
  });

  it('lets staff acknowledge and resolve an alert, once', async () => {
    const [alert] = (await (
      await api.request(
        'GET',
        `/alerts?filter=${encodeURIComponent(JSON.stringify({ coupleId: carried.id, kind: 'asymmetry' }))}`,
        {
          token: therapistToken,
        },
      )
    ).json()) as Array<{ id: string }>;
    const acknowledged = await api.request('PUT', `/alerts/${alert?.id}`, {
      token: therapistToken,
      body: { status: 'acknowledged' },
    });
    expect(((await acknowledged.json()) as { status: string }).status).toBe('acknowledged');
    expect(
      (
        await api.request('PUT', `/alerts/${alert?.id}`, {
          token: therapistToken,
          body: { status: 'resolved' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api.request('PUT', `/alerts/${alert?.id}`, {
          token: therapistToken,
          body: { status: 'resolved' },
        })
      ).status,
    ).toBe(409);
    const bad = await api.request('PUT', `/alerts/${alert?.id}`, {
      token: therapistToken,
      body: { status: 'open' },
    });
    expect(bad.status).toBe(400);
  });

  it('keeps alerts and progress from partners, and other therapists’ couples from a therapist', async () => {
    const partnerToken = await api.signIn(carried.partnerA);
    expect((await api.request('GET', '/alerts', { token: partnerToken })).status).toBe(403);
    expect(
      (await api.request('GET', `/couples/${carried.id}/progress`, { token: partnerToken })).status,
    ).toBe(403);
    const colleague = await newUser(owner, carried.clinicId, 'therapist');
    const colleagueToken = await api.signIn(colleague);
    expect(
      (await api.request('GET', `/couples/${carried.id}/progress`, { token: colleagueToken }))
        .status,
    ).toBe(404);
    expect(await (await api.request('GET', '/caseload', { token: colleagueToken })).json()).toEqual(
      [],
    );
  });

  it('shows a timeline of events without answer text', async () => {
    const response = await api.request('GET', `/couples/${engaged.id}/timeline`, {
      token: therapistToken,
    });
    expect(response.status).toBe(200);
    const events = (await response.json()) as Array<{ kind: string }>;
    expect(events.filter((event) => event.kind === 'response_submitted')).toHaveLength(20);
    expect(events.filter((event) => event.kind === 'assignment_created')).toHaveLength(1);
  });
});
