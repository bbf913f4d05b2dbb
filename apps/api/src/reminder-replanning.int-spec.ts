import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { DEFAULT_REMINDERS_OPTIONS, ReminderPlanner } from '@mend/server-reminders';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  setPreferences,
  withLibrary,
  type TestCouple,
  type TestUser,
} from '@mend/server-testing';
import { addDays, todayIn } from '@mend/shared-schedule';
import { TenantDb } from '@mend/server-tenancy';
import { startTestApi, type TestApi } from './testing/test-api';

interface DeliveryRow {
  id: string;
  kind: string;
  recipient_user_id: string;
  status: string;
  due_at: Date;
  last_error: string | null;
  replan_requested_at: Date | null;
}

const BEFORE_DUE_60 = { dueSoon: { kind: 'before_due', minutes: 60 }, overdueAfterMinutes: null };

/**
 * Planned reminders follow the rules when they change: each change (over the real API) marks
 * them in its own transaction, and the next planning pass (with the test's clock) times them
 * again on the same rows, or withdraws them. Real PostgreSQL.
 */
describe('re-planning reminders when the rules change (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let planner: ReminderPlanner;
  // Two days before the occurrences, so every nudge is still ahead of the planner's clock.
  const dueDate = addDays(todayIn('UTC'), 3);
  const now = new Date(`${addDays(dueDate, -2)}T00:00:00Z`);

  beforeAll(async () => {
    owner = await ownerDataSource();
    api = await startTestApi();
    planner = new ReminderPlanner({ ...DEFAULT_REMINDERS_OPTIONS, tickEveryMs: null });
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  const plan = (clinicId: string) =>
    api.app
      .get(TenantDb)
      .run({ clinicId }, (manager) => planner.planClinic(manager, clinicId, now));

  const nudges = (clinicId: string) =>
    asClinic<DeliveryRow[]>(
      owner,
      clinicId,
      `SELECT id, kind, recipient_user_id, status, due_at, last_error, replan_requested_at
         FROM deliveries WHERE clinic_id = $1 AND kind IN ('due_soon', 'overdue')
        ORDER BY recipient_user_id, kind`,
      [clinicId],
    );

  const nudgeOf = async (clinicId: string, userId: string, kind = 'due_soon') => {
    const row = (await nudges(clinicId)).find(
      (r) => r.recipient_user_id === userId && r.kind === kind,
    );
    if (!row) throw new Error(`no ${kind} for ${userId}`);
    return row;
  };

  const needsPlanning = async (clinicId: string) =>
    (
      await owner.query<unknown[]>(
        `SELECT clinic_id FROM clinics_needing_reminder_plans($1, interval '8 days', $2)`,
        [now, [clinicId]],
      )
    ).length > 0;

  /**
   * A clinic with one couple (both partners on UTC) and one exercise for both of them, due at
   * 20:00 UTC on `dueDate`, assigned over the API and planned at `now`.
   */
  async function scenario(policy: unknown = BEFORE_DUE_60) {
    const clinic = await newClinic(owner);
    const library = await withLibrary(owner, clinic.id);
    const therapist = await newUser(owner, clinic.id, 'therapist');
    const couple = await newCouple(owner, clinic.id, {
      therapistIds: [therapist.id],
      timeZone: 'UTC',
    });
    for (const partner of [couple.partnerA, couple.partnerB]) {
      await setPreferences(owner, clinic.id, partner.id, { timeZone: 'UTC' });
    }
    const therapistToken = await api.signIn(therapist);
    const exercise = library.exercises.get('daily-check-in');
    const created = await api.request('POST', '/assignments', {
      token: therapistToken,
      body: {
        coupleId: couple.id,
        exerciseId: exercise?.exerciseId,
        completionMode: 'each',
        startDate: dueDate,
        recurrence: { kind: 'once' },
        dueTime: '20:00',
        reminderPolicy: policy,
      },
    });
    expect(created.status).toBe(201);
    const assignmentId = ((await created.json()) as { id: string }).id;
    return { clinicId: clinic.id, therapist, therapistToken, couple, assignmentId };
  }

  const at = (time: string, zone = 'UTC') =>
    DateTime.fromISO(`${dueDate}T${time}`, { zone }).toJSDate().toISOString();

  it("moves planned reminders to the new end of the clinic's quiet hours; sent ones and other clinics stay", async () => {
    const { clinicId, couple } = await scenario();
    const other = await scenario();
    await setPreferences(owner, clinicId, couple.partnerA.id, { reminderTime: '07:00' });
    await setPreferences(owner, other.clinicId, other.couple.partnerA.id, {
      reminderTime: '07:00',
    });
    await plan(clinicId);
    await plan(other.clinicId);
    // 07:00 falls in the clinic's default quiet hours (21:00–08:00): it waits until 08:00.
    const before = await nudgeOf(clinicId, couple.partnerA.id);
    expect(before.due_at.toISOString()).toBe(at('08:00'));
    const otherBefore = await nudges(other.clinicId);
    // Partner B's reminder has gone out already.
    const sent = await nudgeOf(clinicId, couple.partnerB.id);
    await asClinic(
      owner,
      clinicId,
      `UPDATE deliveries SET status = 'sent', attempts = 1, sent_at = now()
        WHERE clinic_id = $1 AND id = $2`,
      [clinicId, sent.id],
    );
    expect(await needsPlanning(clinicId)).toBe(false);

    const admin = await newUser(owner, clinicId, 'clinic_admin');
    const response = await api.request('PUT', '/clinic', {
      token: await api.signIn(admin),
      body: { quietHoursStart: '21:00', quietHoursEnd: '09:30' },
    });
    expect(response.status).toBe(200);
    expect((await nudgeOf(clinicId, couple.partnerA.id)).replan_requested_at).not.toBeNull();
    expect(await needsPlanning(clinicId)).toBe(true);

    const summary = await plan(clinicId);
    // Partner A's nudge and the therapist's digest, both timed by the clinic's quiet hours.
    expect(summary.withdrawn).toBe(2);
    const after = await nudges(clinicId);
    expect(after).toHaveLength(2);
    const moved = after.find((r) => r.id === before.id);
    expect(moved).toMatchObject({ status: 'planned', replan_requested_at: null, last_error: null });
    expect(moved?.due_at.toISOString()).toBe(at('09:30'));
    const untouched = after.find((r) => r.id === sent.id);
    expect(untouched).toMatchObject({ status: 'sent' });
    expect(untouched?.due_at.toISOString()).toBe(sent.due_at.toISOString());
    expect(await nudges(other.clinicId)).toEqual(otherBefore);
    expect(await needsPlanning(clinicId)).toBe(false);
  });

  it("follows a change of the assignment's reminder policy, on the same rows", async () => {
    const { clinicId, couple, assignmentId, therapistToken } = await scenario();
    await plan(clinicId);
    const before = await nudges(clinicId);
    expect(before.map((r) => [r.kind, r.due_at.toISOString()])).toEqual([
      ['due_soon', at('19:00')],
      ['due_soon', at('19:00')],
    ]);
    const response = await api.request('PUT', `/assignments/${assignmentId}`, {
      token: therapistToken,
      body: {
        reminderPolicy: { dueSoon: { kind: 'before_due', minutes: 180 }, overdueAfterMinutes: 30 },
      },
    });
    expect(response.status).toBe(200);
    await plan(clinicId);
    const after = await nudges(clinicId);
    for (const partner of [couple.partnerA, couple.partnerB]) {
      const dueSoon = after.find(
        (r) => r.recipient_user_id === partner.id && r.kind === 'due_soon',
      );
      expect(dueSoon?.id).toBe(before.find((r) => r.recipient_user_id === partner.id)?.id);
      expect(dueSoon?.due_at.toISOString()).toBe(at('17:00'));
      const overdue = after.find((r) => r.recipient_user_id === partner.id && r.kind === 'overdue');
      expect(overdue?.due_at.toISOString()).toBe(at('20:30'));
    }
    expect(after.every((r) => r.status === 'planned')).toBe(true);
  });

  it('rejects a malformed reminder policy by field, changing nothing', async () => {
    const { clinicId, assignmentId, therapistToken } = await scenario();
    await plan(clinicId);
    const before = await nudges(clinicId);
    const response = await api.request('PUT', `/assignments/${assignmentId}`, {
      token: therapistToken,
      body: { reminderPolicy: { dueSoon: { kind: 'sometimes' }, overdueAfterMinutes: 5 } },
    });
    expect(response.status).toBe(400);
    const { fields } = (await response.json()) as { fields: Record<string, string> };
    expect(Object.keys(fields)).toEqual(['reminderPolicy.dueSoon.kind']);
    expect(await nudges(clinicId)).toEqual(before);
  });

  it("moves a partner's reminder to the new local time when they change time zone", async () => {
    const { clinicId, couple } = await scenario();
    for (const partner of [couple.partnerA, couple.partnerB]) {
      await setPreferences(owner, clinicId, partner.id, { reminderTime: '09:00' });
    }
    await plan(clinicId);
    expect((await nudgeOf(clinicId, couple.partnerA.id)).due_at.toISOString()).toBe(at('09:00'));
    const response = await api.request('PUT', '/account/preferences', {
      token: await api.signIn(couple.partnerA),
      body: { timeZone: 'America/New_York' },
    });
    expect(response.status).toBe(200);
    await plan(clinicId);
    expect((await nudgeOf(clinicId, couple.partnerA.id)).due_at.toISOString()).toBe(
      at('09:00', 'America/New_York'),
    );
    // The other partner's reminder is theirs alone.
    expect((await nudgeOf(clinicId, couple.partnerB.id)).due_at.toISOString()).toBe(at('09:00'));
  });

  it('needs no re-planning when only the language or the email channel changes', async () => {
    const { clinicId, couple } = await scenario();
    await plan(clinicId);
    const response = await api.request('PUT', '/account/preferences', {
      token: await api.signIn(couple.partnerA),
      body: { locale: 'es', emailReminders: false },
    });
    expect(response.status).toBe(200);
    // Still planned: in-app it comes all the same; whether to email is read when it is sent.
    expect(await nudgeOf(clinicId, couple.partnerA.id)).toMatchObject({
      status: 'planned',
      replan_requested_at: null,
    });
  });

  async function pauseAndResume(
    change: (status: 'paused' | 'active') => Promise<Response>,
    couple: TestCouple,
    clinicId: string,
    reason: string,
  ) {
    await plan(clinicId);
    const before = await nudges(clinicId);
    expect((await change('paused')).status).toBe(200);
    await plan(clinicId);
    expect((await nudges(clinicId)).map((r) => [r.id, r.status, r.last_error])).toEqual(
      before.map((r) => [r.id, 'skipped', reason]),
    );
    expect(await needsPlanning(clinicId)).toBe(false);
    expect((await change('active')).status).toBe(200);
    await plan(clinicId);
    const after = await nudges(clinicId);
    expect(after.map((r) => [r.id, r.status, r.due_at.toISOString()])).toEqual(
      before.map((r) => [r.id, 'planned', r.due_at.toISOString()]),
    );
    expect(after.map((r) => r.recipient_user_id).sort()).toEqual(
      [couple.partnerA.id, couple.partnerB.id].sort(),
    );
  }

  it('withdraws the nudges of a paused couple and plans them again when it resumes', async () => {
    const { clinicId, couple, therapistToken } = await scenario();
    await pauseAndResume(
      (status) =>
        api.request('PUT', `/couples/${couple.id}`, { token: therapistToken, body: { status } }),
      couple,
      clinicId,
      'couple_not_active',
    );
  });

  it('withdraws the nudges of a paused assignment and plans them again when it resumes', async () => {
    const { clinicId, couple, assignmentId, therapistToken } = await scenario();
    await pauseAndResume(
      (status) =>
        api.request('PUT', `/assignments/${assignmentId}`, {
          token: therapistToken,
          body: { status },
        }),
      couple,
      clinicId,
      'occurrence_closed',
    );
  });

  it('withdraws for good the nudges of a closed couple', async () => {
    const { clinicId, couple, therapistToken } = await scenario();
    await plan(clinicId);
    const closed = await api.request('PUT', `/couples/${couple.id}`, {
      token: therapistToken,
      body: { status: 'closed' },
    });
    expect(closed.status).toBe(200);
    await plan(clinicId);
    expect((await nudges(clinicId)).map((r) => [r.status, r.last_error])).toEqual([
      ['skipped', 'couple_not_active'],
      ['skipped', 'couple_not_active'],
    ]);
    expect(await needsPlanning(clinicId)).toBe(false);
  });

  it('moves a therapist’s planned digest when they change time zone', async () => {
    const { clinicId, therapist } = await scenario();
    await setPreferences(owner, clinicId, therapist.id, {
      quietHoursStart: '00:00',
      quietHoursEnd: '00:00',
    });
    await plan(clinicId);
    const digests = () =>
      asClinic<DeliveryRow[]>(
        owner,
        clinicId,
        `SELECT id, kind, recipient_user_id, status, due_at, last_error, replan_requested_at
           FROM deliveries WHERE clinic_id = $1 AND kind = 'digest' AND status = 'planned'`,
        [clinicId],
      );
    const [before] = await digests();
    expect(before?.due_at.toISOString()).toBe(
      DateTime.fromISO(`${addDays(dueDate, -2)}T08:00`, { zone: 'UTC' })
        .toJSDate()
        .toISOString(),
    );
    const response = await api.request('PUT', '/account/preferences', {
      token: await api.signIn(therapist as TestUser),
      body: { timeZone: 'Europe/Madrid' },
    });
    expect(response.status).toBe(200);
    await plan(clinicId);
    const after = await digests();
    expect(after.map((r) => [r.id, r.due_at.toISOString()])).toEqual([
      [
        before?.id,
        DateTime.fromISO(`${addDays(dueDate, -2)}T08:00`, { zone: 'Europe/Madrid' })
          .toJSDate()
          .toISOString(),
      ],
    ]);
  });
});
