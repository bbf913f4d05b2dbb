import { randomUUID } from 'node:crypto';
import { REFUSALS_AUDITED_PER_MINUTE } from '@mend/server-audit';
import type { DataSource } from 'typeorm';
import {
  asClinic,
  newClinic,
  newCouple,
  newPromise,
  newUser,
  ownerDataSource,
  waitFor,
  type TestUser,
} from '@mend/server-testing';
import { startTestApi, type TestApi } from './testing/test-api';

interface RefusalRow {
  actor_user_id: string;
  record_type: string | null;
  record_id: string | null;
  ip: string | null;
  request_id: string | null;
  detail: { status: number; permission: string | null; method: string; route: string | null };
}

/** Refused authorization leaves a trace: a 403, or requireAccess's 404 (real PostgreSQL). */
describe('refused authorization is audited, within a per-person cap', () => {
  let api: TestApi;
  let owner: DataSource;

  const refusals = (user: TestUser) =>
    asClinic<RefusalRow[]>(
      owner,
      user.clinicId,
      `SELECT actor_user_id, record_type, record_id, ip, request_id, detail FROM audit_events
        WHERE clinic_id = $1 AND actor_user_id = $2 AND action = 'access.refused'
        ORDER BY occurred_at`,
      [user.clinicId, user.id],
    );

  /** Rows are written just after the answer goes out: wait for `count` of them. */
  const refusalsOnceThere = (user: TestUser, count: number) =>
    waitFor(`${count} refusal rows`, async () => {
      const rows = await refusals(user);
      return rows.length >= count ? rows : undefined;
    });

  beforeAll(async () => {
    owner = await ownerDataSource();
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  it('records a 403 with the actor, clinic, permission, route and IP', async () => {
    const clinic = await newClinic(owner);
    const couple = await newCouple(owner, clinic.id);
    const partner = couple.partnerA;
    const token = await api.signIn(partner);
    const response = await api.request('GET', '/users', { token });
    expect(response.status).toBe(403);
    expect(await refusalsOnceThere(partner, 1)).toEqual([
      {
        actor_user_id: partner.id,
        record_type: 'user',
        record_id: null,
        ip: expect.stringContaining('127.0.0.1'),
        request_id: expect.any(String),
        detail: expect.objectContaining({
          status: 403,
          permission: 'user.list',
          method: 'GET',
          route: '/api/users',
        }),
      },
    ]);
  });

  it("records another clinic's record and an unassigned couple as refusals, answering plain 404s", async () => {
    const clinic = await newClinic(owner);
    const therapist = await newUser(owner, clinic.id, 'therapist');
    const colleague = await newUser(owner, clinic.id, 'therapist');
    const unassigned = await newCouple(owner, clinic.id, { therapistIds: [colleague.id] });
    const elsewhere = await newClinic(owner);
    const foreign = await newCouple(owner, elsewhere.id);
    const token = await api.signIn(therapist);

    const missing = await api.request('GET', `/couples/${randomUUID()}`, { token });
    const bodies = [];
    for (const id of [foreign.id, unassigned.id]) {
      const response = await api.request('GET', `/couples/${id}`, { token });
      expect(response.status).toBe(404);
      bodies.push(await response.json());
    }
    // The answer is the same as for a record that does not exist: the audit row is the only trace.
    const missingBody: unknown = await missing.json();
    for (const body of bodies) expect(body).toEqual(missingBody);

    const rows = await refusalsOnceThere(therapist, 3);
    expect(rows.map((row) => [row.record_type, row.record_id, row.detail.status])).toEqual([
      ['couple', expect.any(String), 404],
      ['couple', foreign.id, 404],
      ['couple', unassigned.id, 404],
    ]);
    expect(rows.map((row) => row.detail.permission)).toEqual([
      'couple.read',
      'couple.read',
      'couple.read',
    ]);
    // Written in the refusing person's clinic only.
    const inOther = await asClinic<unknown[]>(
      owner,
      elsewhere.id,
      `SELECT 1 FROM audit_events WHERE clinic_id = $1 AND action = 'access.refused'`,
      [elsewhere.id],
    );
    expect(inOther).toHaveLength(0);
  });

  it('records a 403 thrown by a service rule as well', async () => {
    const clinic = await newClinic(owner);
    const couple = await newCouple(owner, clinic.id);
    const promiser = couple.partnerA;
    const promiseId = await newPromise(owner, couple, { by: 'a', dueDate: '2030-01-15' });
    const token = await api.signIn(promiser);
    // Only the other partner may say whether a promise was kept.
    const response = await api.request('POST', `/promises/${promiseId}/confirm`, {
      token,
      body: { status: 'kept' },
    });
    expect(response.status).toBe(403);
    const rows = await refusalsOnceThere(promiser, 1);
    expect(rows.map((row) => [row.detail.status, row.detail.route])).toEqual([
      [403, '/api/promises/:id/confirm'],
    ]);
  });

  it('caps the rows one person can add in a minute, leaving others unaffected', async () => {
    const clinic = await newClinic(owner);
    const flooder = (await newCouple(owner, clinic.id)).partnerA;
    const bystander = (await newCouple(owner, clinic.id)).partnerA;
    // An API of its own, so that closing it waits for every row still being written.
    const flooded = await startTestApi();
    try {
      const flooderToken = await flooded.signIn(flooder);
      const bystanderToken = await flooded.signIn(bystander);
      // Many at once, so the cap must hold under concurrency too.
      const statuses = await Promise.all(
        Array.from({ length: REFUSALS_AUDITED_PER_MINUTE + 15 }, () =>
          flooded.request('GET', '/audit-events', { token: flooderToken }).then((r) => r.status),
        ),
      );
      expect(new Set(statuses)).toEqual(new Set([403]));
      const other = await flooded.request('GET', '/audit-events', { token: bystanderToken });
      expect(other.status).toBe(403);
    } finally {
      await flooded.close();
    }
    expect(await refusals(flooder)).toHaveLength(REFUSALS_AUDITED_PER_MINUTE);
    expect(await refusals(bystander)).toHaveLength(1);
  });

  it('counts in PostgreSQL, so several API processes together keep to the cap', async () => {
    const clinic = await newClinic(owner);
    const flooder = (await newCouple(owner, clinic.id)).partnerA;
    const processes = [await startTestApi(), await startTestApi()];
    try {
      for (const instance of processes) {
        const token = await instance.signIn(flooder);
        for (let i = 0; i < REFUSALS_AUDITED_PER_MINUTE; i += 1) {
          expect((await instance.request('GET', '/users', { token })).status).toBe(403);
        }
      }
    } finally {
      for (const instance of processes) await instance.close();
    }
    expect(await refusals(flooder)).toHaveLength(REFUSALS_AUDITED_PER_MINUTE);
  });
});
