import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { TenantContext } from '@mend/server-tenancy';
import {
  asClinic,
  newAssignment,
  newClinic,
  newCouple,
  newOccurrence,
  newResponse,
  newUser,
  ownerDataSource,
  testConfig,
  type TestCouple,
  type TestUser,
} from '@mend/server-testing';
import { ClinicDashboardService } from './clinic-dashboard.service';
import { startReportsApp } from './testing/worker-app';

const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const at = (iso: string) => new Date(iso);
const SECRET = 'private words of partner A';

describe('the clinic dashboard (real PostgreSQL)', () => {
  let owner: DataSource;
  let app: INestApplication;
  let dashboard: ClinicDashboardService;
  let clinicId: string;
  let admin: TestUser;
  let therapist1: TestUser;
  let therapist2: TestUser;
  let c1: TestCouple;
  let c2: TestCouple;
  let c3: TestCouple;

  const ctx = (user: TestUser): TenantContext => ({
    clinicId: user.clinicId,
    userId: user.id,
    role: user.role,
    sessionId: 'test-session',
  });
  const sorted = (...ids: string[]) => [...ids].sort();

  beforeAll(async () => {
    owner = await ownerDataSource();
    app = await startReportsApp(testConfig(), { worker: false });
    dashboard = app.get(ClinicDashboardService);

    const clinic = await newClinic(owner);
    clinicId = clinic.id;
    admin = await newUser(owner, clinicId, 'clinic_admin');
    therapist1 = await newUser(owner, clinicId, 'therapist');
    therapist2 = await newUser(owner, clinicId, 'therapist');
    c1 = await newCouple(owner, clinicId, { therapistIds: [therapist1.id] });
    c2 = await newCouple(owner, clinicId, { therapistIds: [therapist1.id, therapist2.id] });
    c3 = await newCouple(owner, clinicId, { therapistIds: [therapist2.id] });
    const gone = await newCouple(owner, clinicId, { therapistIds: [therapist1.id] });
    await asClinic(
      owner,
      clinicId,
      `UPDATE couples SET created_at = '2025-01-10T00:00:00Z' WHERE clinic_id = $1`,
      [clinicId],
    );
    // c3 came and went in March; `gone` closed in February (not active in March).
    await asClinic(
      owner,
      clinicId,
      `UPDATE couples SET created_at = '2025-03-05T00:00:00Z', status = 'closed',
              closed_at = '2025-03-25T00:00:00Z' WHERE clinic_id = $1 AND id = $2`,
      [clinicId, c3.id],
    );
    await asClinic(
      owner,
      clinicId,
      `UPDATE couples SET status = 'closed', closed_at = '2025-02-15T00:00:00Z'
        WHERE clinic_id = $1 AND id = $2`,
      [clinicId, gone.id],
    );

    // c1, `each`: both answered, A only, nobody; a joint one answered by A (both); one in April.
    const each = await newAssignment(owner, clinicId, c1.id, { mode: 'each' });
    const o1 = await newOccurrence(owner, clinicId, each, c1.id, at('2025-03-03T20:00:00Z'));
    const o2 = await newOccurrence(owner, clinicId, each, c1.id, at('2025-03-04T20:00:00Z'));
    await newOccurrence(owner, clinicId, each, c1.id, at('2025-03-05T20:00:00Z'));
    await newResponse(owner, clinicId, o1, c1.id, c1.partnerA.id);
    await newResponse(owner, clinicId, o1, c1.id, c1.partnerB.id);
    await newResponse(owner, clinicId, o2, c1.id, c1.partnerA.id);
    await asClinic(
      owner,
      clinicId,
      `UPDATE responses SET answers = $2 WHERE clinic_id = $1 AND occurrence_id = $3`,
      [clinicId, { q1: SECRET }, o2],
    );
    const joint = await newAssignment(owner, clinicId, c1.id, { mode: 'joint' });
    const o4 = await newOccurrence(owner, clinicId, joint, c1.id, at('2025-03-10T20:00:00Z'));
    await newResponse(owner, clinicId, o4, c1.id, c1.partnerA.id);
    const april = await newOccurrence(owner, clinicId, each, c1.id, at('2025-04-01T20:00:00Z'));
    await newResponse(owner, clinicId, april, c1.id, c1.partnerA.id);

    // c2, `one` for B: answered; a cancelled one; a reminder sent and one failed.
    const one = await newAssignment(owner, clinicId, c2.id, {
      mode: 'one',
      assigneeUserId: c2.partnerB.id,
    });
    const o5 = await newOccurrence(owner, clinicId, one, c2.id, at('2025-03-12T20:00:00Z'));
    await newResponse(owner, clinicId, o5, c2.id, c2.partnerB.id);
    await newOccurrence(owner, clinicId, one, c2.id, at('2025-03-13T20:00:00Z'), {
      status: 'cancelled',
    });
    for (const [status, partner] of [
      ['sent', c2.partnerA],
      ['failed', c2.partnerB],
    ] as const) {
      await asClinic(
        owner,
        clinicId,
        `INSERT INTO deliveries (clinic_id, kind, recipient_user_id, subject_key, occurrence_id,
                                 due_at, status, sent_at)
         VALUES ($1, 'due_soon', $2, $3, $6, '2025-03-12T18:00:00Z', $4, $5)`,
        [
          clinicId,
          partner.id,
          `due_soon:${o5}`,
          status,
          status === 'sent' ? '2025-03-12T18:00:05Z' : null,
          o5,
        ],
      );
    }
    // Open at the end of March: c2's asymmetry and c1's missed streak; c1's asymmetry was
    // resolved in March, so it is not open.
    await asClinic(
      owner,
      clinicId,
      `INSERT INTO alerts (clinic_id, couple_id, kind, dedupe_key, created_at, resolved_at)
       VALUES ($1, $2, 'asymmetry', 'asymmetry:c2', '2025-03-20T00:00:00Z', NULL),
              ($1, $3, 'missed_streak', 'missed:c1', '2025-03-21T00:00:00Z', NULL),
              ($1, $3, 'asymmetry', 'asymmetry:c1', '2025-03-02T00:00:00Z',
               '2025-03-15T00:00:00Z')`,
      [clinicId, c2.id, c1.id],
    );

    // Another clinic's busy March never shows.
    const other = await newClinic(owner);
    const otherTherapist = await newUser(owner, other.id, 'therapist');
    const stranger = await newCouple(owner, other.id, { therapistIds: [otherTherapist.id] });
    const theirs = await newAssignment(owner, other.id, stranger.id, { mode: 'each' });
    await newOccurrence(owner, other.id, theirs, stranger.id, at('2025-03-03T20:00:00Z'));
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await owner.destroy();
  });

  it("gives March's figures, each with the couples behind it", async () => {
    const figures = await dashboard.read(ctx(admin), MARCH);

    expect(figures.couples).toEqual({
      active: { count: 3, coupleIds: sorted(c1.id, c2.id, c3.id) },
      new: { count: 1, coupleIds: [c3.id] },
      closed: { count: 1, coupleIds: [c3.id] },
    });
    // c1: 4 due (3 `each` + 1 joint) expecting 8 answers, 5 given; c2: 1 due for B, answered.
    expect(figures.engagement).toEqual({
      due: { count: 5, coupleIds: sorted(c1.id, c2.id) },
      expectedAnswers: 9,
      answers: 6,
      bothAnswered: { count: 2, coupleIds: [c1.id] },
      oneAnswered: { count: 1, coupleIds: [c1.id] },
      noneAnswered: { count: 1, coupleIds: [c1.id] },
    });
    expect(figures.therapists).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          therapistId: therapist1.id,
          couples: { count: 2, coupleIds: sorted(c1.id, c2.id) },
          due: { count: 5, coupleIds: sorted(c1.id, c2.id) },
          answers: 6,
        }),
        expect.objectContaining({
          therapistId: therapist2.id,
          couples: { count: 2, coupleIds: sorted(c2.id, c3.id) },
          due: { count: 1, coupleIds: [c2.id] },
          bothAnswered: { count: 0, coupleIds: [] },
          answers: 1,
        }),
      ]),
    );
    expect(figures.therapists).toHaveLength(2);
    expect(figures.reminders).toEqual({
      sent: { count: 1, coupleIds: [c2.id] },
      failed: { count: 1, coupleIds: [c2.id] },
    });
    const byKind = [...figures.alerts].sort((a, b) => a.kind.localeCompare(b.kind));
    expect(byKind).toEqual([
      { kind: 'asymmetry', count: 1, coupleIds: [c2.id] },
      { kind: 'missed_streak', count: 1, coupleIds: [c1.id] },
    ]);
    // No measures answered: every outcome is empty, not missing.
    expect(figures.outcomes.couples.bothImproved).toEqual({ count: 0, coupleIds: [] });
    expect(figures.outcomes.partners.deteriorated).toEqual({ count: 0, coupleIds: [] });
    expect(JSON.stringify(figures)).not.toContain(SECRET);
  });

  it('agrees with an independent count of what March held', async () => {
    const figures = await dashboard.read(ctx(admin), MARCH);
    const [expected] = await asClinic<Array<{ due: number; answered: number }>>(
      owner,
      clinicId,
      `SELECT count(DISTINCT o.id)::int AS due,
              count(r.id) FILTER (WHERE r.status = 'submitted')::int AS answered
         FROM occurrences o LEFT JOIN responses r ON r.clinic_id = o.clinic_id
                                                AND r.occurrence_id = o.id
        WHERE o.clinic_id = $1 AND o.status <> 'cancelled'
          AND o.due_at >= '2025-03-01T00:00:00Z' AND o.due_at < '2025-04-01T00:00:00Z'`,
      [clinicId],
    );
    expect(figures.engagement.due.count).toBe(expected?.due);
    // Responses counted one each, except the joint one which counts for both partners.
    expect(figures.engagement.answers).toBe((expected?.answered ?? 0) + 1);
  });

  it('moves with the period: April holds only the late occurrence', async () => {
    const figures = await dashboard.read(ctx(admin), { from: '2025-04-01', to: '2025-04-30' });
    expect(figures.couples.active.coupleIds).toEqual(sorted(c1.id, c2.id));
    expect(figures.engagement.due).toEqual({ count: 1, coupleIds: [c1.id] });
    expect(figures.engagement.oneAnswered).toEqual({ count: 1, coupleIds: [c1.id] });
  });

  it('names the field when the period is wrong, and refuses anyone but an admin', async () => {
    await expect(dashboard.read(ctx(admin), { to: '2025-03-31' })).rejects.toMatchObject({
      response: { fields: { from: expect.any(String) } },
    });
    await expect(
      dashboard.read(ctx(admin), { from: '2025-03-31', to: '2025-03-01' }),
    ).rejects.toMatchObject({ response: { fields: { to: expect.any(String) } } });
    await expect(
      dashboard.read(ctx(admin), { from: '2025-02-30', to: '2025-03-01' }),
    ).rejects.toMatchObject({ response: { fields: { from: expect.any(String) } } });
    await expect(dashboard.read(ctx(therapist1), MARCH)).rejects.toMatchObject({ status: 403 });
  });
});
