import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  asClinic,
  newClinic,
  newCouple,
  newPromise,
  newUser,
  ownerDataSource,
  type TestCouple,
  type TestUser,
} from '@mend/server-testing';
import { todayIn } from '@mend/shared-schedule';
import { startTestApi, type TestApi } from './testing/test-api';

interface SafetyCheckBody {
  id: string;
  coupleId: string;
  raisedById: string;
  note: string | null;
  open: boolean;
  resolvedById: string | null;
  resolutionNote: string | null;
}

interface ErrorBody {
  message: string;
  fields?: Record<string, string>;
}

/** Everything a response says: status, the headers a client reads, and the body. */
interface View {
  status: number;
  contentRange: string | null;
  body: unknown;
}

describe('private safety checks (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let clinicId: string;
  let admin: TestUser;
  let therapist: TestUser;
  let colleague: TestUser;
  let couple: TestCouple;
  let tokenA: string;
  let tokenB: string;
  let therapistToken: string;
  let adminToken: string;
  let colleagueToken: string;
  let otherAdminToken: string;
  let otherTherapistToken: string;

  const read = async <T>(response: Response): Promise<T> => (await response.json()) as T;
  const view = async (token: string, path: string): Promise<View> => {
    const response = await api.request('GET', path, { token });
    return {
      status: response.status,
      contentRange: response.headers.get('content-range'),
      body: await response.json(),
    };
  };
  const flagsOf = (coupleId: string) =>
    asClinic<Array<{ id: string; raised_by_user_id: string; resolved_at: Date | null }>>(
      owner,
      clinicId,
      'SELECT id, raised_by_user_id, resolved_at FROM safety_flags WHERE couple_id = $1 ORDER BY created_at',
      [coupleId],
    );
  const pausedAt = async (coupleId: string) => {
    const [row] = await asClinic<Array<{ safety_paused_at: Date | null }>>(
      owner,
      clinicId,
      'SELECT safety_paused_at FROM couples WHERE id = $1',
      [coupleId],
    );
    return row?.safety_paused_at ?? null;
  };

  beforeAll(async () => {
    owner = await ownerDataSource();
    clinicId = (await newClinic(owner)).id;
    admin = await newUser(owner, clinicId, 'clinic_admin');
    therapist = await newUser(owner, clinicId, 'therapist');
    colleague = await newUser(owner, clinicId, 'therapist');
    couple = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
    const other = await newClinic(owner);
    const otherAdmin = await newUser(owner, other.id, 'clinic_admin');
    const otherTherapist = await newUser(owner, other.id, 'therapist');
    api = await startTestApi();
    [
      tokenA,
      tokenB,
      therapistToken,
      adminToken,
      colleagueToken,
      otherAdminToken,
      otherTherapistToken,
    ] = await Promise.all([
      api.signIn(couple.partnerA),
      api.signIn(couple.partnerB),
      api.signIn(therapist),
      api.signIn(admin),
      api.signIn(colleague),
      api.signIn(otherAdmin),
      api.signIn(otherTherapist),
    ]);
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  it('leaves no trace for the other partner, alerts the therapist urgently, and resolving lifts the pause', async () => {
    const today = todayIn(couple.timeZone);
    const promiseByA = await newPromise(owner, couple, { by: 'a', dueDate: today });
    await newPromise(owner, couple, { by: 'b', dueDate: today, status: 'kept' });
    const paths = [
      `/couples/${couple.id}`,
      '/couples',
      `/couples?filter={"id":"${couple.id}"}`,
      '/promises',
      `/promises/${promiseByA}`,
      `/promises?filter={"coupleId":"${couple.id}","promiserId":"${couple.partnerA.id}"}`,
      `/couples/${couple.id}/promise-trend`,
      `/users/${couple.partnerA.id}`,
      '/safety-checks',
      `/safety-checks?filter={"coupleId":"${couple.id}"}`,
    ];
    const snapshot = async (token: string) => Promise.all(paths.map((path) => view(token, path)));
    const beforeB = await snapshot(tokenB);
    const beforeA = await snapshot(tokenA);
    expect(beforeB[0]?.status).toBe(200);
    expect(beforeB[8]?.status).toBe(403);

    const raised = await api.request('POST', '/safety-checks', {
      token: tokenA,
      body: { note: 'I do not feel safe at home this week' },
    });
    expect(raised.status).toBe(201);
    expect(await raised.json()).toEqual({ received: true });
    const [flag] = await flagsOf(couple.id);
    expect(flag?.raised_by_user_id).toBe(couple.partnerA.id);
    const flagId = flag?.id ?? '';

    // Neither partner's view changes at all: not the couple, lists, counts, promises or trend.
    expect(await snapshot(tokenB)).toEqual(beforeB);
    expect(await snapshot(tokenA)).toEqual(beforeA);
    for (const token of [tokenA, tokenB]) {
      expect((await view(token, `/safety-checks/${flagId}`)).status).toBe(403);
      const resolve = await api.request('POST', `/safety-checks/${flagId}/resolve`, {
        token,
        body: { note: 'closing it myself' },
      });
      expect(resolve.status).toBe(403);
      expect((await view(token, `/audit-events?filter={"recordId":"${flagId}"}`)).status).toBe(403);
    }

    const [alert] = await asClinic<
      Array<{ kind: string; severity: string; status: string; subject_user_id: string }>
    >(
      owner,
      clinicId,
      'SELECT kind, severity, status, subject_user_id FROM alerts WHERE dedupe_key = $1',
      [`safety:${flagId}`],
    );
    expect(alert).toEqual({
      kind: 'safety',
      severity: 'urgent',
      status: 'open',
      subject_user_id: couple.partnerA.id,
    });
    expect(await pausedAt(couple.id)).toBeInstanceOf(Date);

    const staffCouple = await read<{ jointWorkPaused: boolean }>(
      await api.request('GET', `/couples/${couple.id}`, { token: therapistToken }),
    );
    expect(staffCouple.jointWorkPaused).toBe(true);
    const open = await api.request(
      'GET',
      `/safety-checks?filter={"coupleId":"${couple.id}","open":true}`,
      { token: therapistToken },
    );
    expect(open.headers.get('content-range')).toBe('safety-checks 0-0/1');
    expect(await read<SafetyCheckBody[]>(open)).toEqual([
      expect.objectContaining({
        id: flagId,
        raisedById: couple.partnerA.id,
        note: 'I do not feel safe at home this week',
        open: true,
      }),
    ]);
    const audit = await view(adminToken, `/audit-events?filter={"recordId":"${flagId}"}`);
    expect(JSON.stringify(audit.body)).toContain('safety.raised');
    expect(JSON.stringify(audit.body)).not.toContain('do not feel safe');

    const resolved = await api.request('POST', `/safety-checks/${flagId}/resolve`, {
      token: therapistToken,
      body: { note: 'Called A; safety plan in place' },
    });
    expect(resolved.status).toBe(200);
    expect(await read<SafetyCheckBody>(resolved)).toMatchObject({
      open: false,
      resolvedById: therapist.id,
      resolutionNote: 'Called A; safety plan in place',
    });
    expect(await pausedAt(couple.id)).toBeNull();
    const [after] = await asClinic<Array<{ status: string }>>(
      owner,
      clinicId,
      'SELECT status FROM alerts WHERE dedupe_key = $1',
      [`safety:${flagId}`],
    );
    expect(after?.status).toBe('resolved');
    expect(await snapshot(tokenB)).toEqual(beforeB);
    const again = await api.request('POST', `/safety-checks/${flagId}/resolve`, {
      token: therapistToken,
      body: { note: 'twice' },
    });
    expect(again.status).toBe(409);
  });

  it('keeps joint work paused until every open check of the couple is resolved', async () => {
    const pair = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
    for (const partner of [pair.partnerA, pair.partnerB]) {
      const response = await api.request('POST', '/safety-checks', {
        token: await api.signIn(partner),
        body: {},
      });
      expect(response.status).toBe(201);
    }
    const flags = await flagsOf(pair.id);
    expect(flags).toHaveLength(2);
    const firstPause = await pausedAt(pair.id);
    expect(firstPause).toBeInstanceOf(Date);
    const resolve = (id: string) =>
      api.request('POST', `/safety-checks/${id}/resolve`, {
        token: therapistToken,
        body: { note: 'Spoke with them' },
      });
    expect((await resolve(flags[0]?.id ?? '')).status).toBe(200);
    expect(await pausedAt(pair.id)).toEqual(firstPause);
    expect((await resolve(flags[1]?.id ?? '')).status).toBe(200);
    expect(await pausedAt(pair.id)).toBeNull();
    const closed = await api.request(
      'GET',
      `/safety-checks?filter={"coupleId":"${pair.id}","open":false}`,
      { token: adminToken },
    );
    expect((await read<SafetyCheckBody[]>(closed)).map((f) => f.id).sort()).toEqual(
      flags.map((f) => f.id).sort(),
    );
  });

  it('lets staff read only their couples’ checks, and only the couple’s therapists resolve', async () => {
    const pair = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
    await api.request('POST', '/safety-checks', {
      token: await api.signIn(pair.partnerB),
      body: {},
    });
    const [flag] = await flagsOf(pair.id);
    const id = flag?.id ?? '';
    expect((await view(adminToken, `/safety-checks/${id}`)).status).toBe(200);
    expect((await view(therapistToken, `/safety-checks/${id}`)).status).toBe(200);
    expect((await view(colleagueToken, `/safety-checks/${id}`)).status).toBe(404);
    const colleagueList = await view(
      colleagueToken,
      `/safety-checks?filter={"coupleId":"${pair.id}"}`,
    );
    expect(colleagueList.body).toEqual([]);
    const body = { note: 'Handled' };
    expect(
      (await api.request('POST', `/safety-checks/${id}/resolve`, { token: adminToken, body }))
        .status,
    ).toBe(403);
    expect(
      (await api.request('POST', `/safety-checks/${id}/resolve`, { token: colleagueToken, body }))
        .status,
    ).toBe(404);
    expect((await flagsOf(pair.id))[0]?.resolved_at).toBeNull();
  });

  it('answers 404 to another clinic for every safety endpoint and changes nothing', async () => {
    const pair = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
    await api.request('POST', '/safety-checks', {
      token: await api.signIn(pair.partnerA),
      body: {},
    });
    const [flag] = await flagsOf(pair.id);
    const id = flag?.id ?? '';
    expect((await view(otherAdminToken, `/safety-checks/${id}`)).status).toBe(404);
    expect((await view(otherAdminToken, `/safety-checks?filter={"id":"${id}"}`)).body).toEqual([]);
    const resolve = await api.request('POST', `/safety-checks/${id}/resolve`, {
      token: otherTherapistToken,
      body: { note: 'not mine' },
    });
    expect(resolve.status).toBe(404);
    expect((await flagsOf(pair.id))[0]?.resolved_at).toBeNull();
    expect(await pausedAt(pair.id)).toBeInstanceOf(Date);
  });

  it('is for partners only: staff cannot raise one (403)', async () => {
    for (const token of [therapistToken, adminToken]) {
      const response = await api.request('POST', '/safety-checks', { token, body: {} });
      expect(response.status).toBe(403);
    }
    const [row] = await asClinic<Array<{ count: string }>>(
      owner,
      clinicId,
      'SELECT count(*) AS count FROM safety_flags WHERE raised_by_user_id = ANY($1)',
      [[therapist.id, admin.id]],
    );
    expect(Number(row?.count)).toBe(0);
  });

  it('names bad fields and writes nothing', async () => {
    const pair = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
    const token = await api.signIn(pair.partnerA);
    const long = await api.request('POST', '/safety-checks', {
      token,
      body: { note: 'x'.repeat(2001), coupleId: randomUUID() },
    });
    expect(long.status).toBe(400);
    expect(Object.keys((await read<ErrorBody>(long)).fields ?? {}).sort()).toEqual([
      'coupleId',
      'note',
    ]);
    expect(await flagsOf(pair.id)).toEqual([]);
    expect(await pausedAt(pair.id)).toBeNull();

    await api.request('POST', '/safety-checks', { token, body: { note: 'scared' } });
    const [flag] = await flagsOf(pair.id);
    for (const body of [{}, { note: '' }, { note: 'ok', resolved: true }]) {
      const response = await api.request('POST', `/safety-checks/${flag?.id ?? ''}/resolve`, {
        token: therapistToken,
        body,
      });
      expect(response.status).toBe(400);
    }
    const badFilter = await view(therapistToken, '/safety-checks?filter={"open":"yes"}');
    expect(badFilter.status).toBe(400);
    expect((await flagsOf(pair.id))[0]?.resolved_at).toBeNull();
  });
});
