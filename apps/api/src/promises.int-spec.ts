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
import { addDays, todayIn } from '@mend/shared-schedule';
import { startTestApi, type TestApi } from './testing/test-api';

interface PromiseBody {
  id: string;
  coupleId: string;
  promiserId: string;
  description: string;
  dueDate: string;
  status: string;
  confirmedById: string | null;
  confirmationNote: string | null;
}

interface ErrorBody {
  message: string;
  code?: string;
  fields?: Record<string, string>;
}

interface Counts {
  kept: number;
  partly: number;
  notKept: number;
  open: number;
}

interface TrendBody {
  coupleId: string;
  today: string;
  partners: Array<{
    userId: string;
    seat: string;
    totals: Counts;
    weeks: Array<Counts & { week: string; weekStart: string; keptRate: number | null }>;
  }>;
}

function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

describe('promise ledger (real PostgreSQL)', () => {
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
  let strangerToken: string;

  const read = async <T>(response: Response): Promise<T> => (await response.json()) as T;
  const promiseCount = async (coupleId: string) => {
    const [row] = await asClinic<Array<{ count: string }>>(
      owner,
      clinicId,
      'SELECT count(*) AS count FROM promises WHERE couple_id = $1',
      [coupleId],
    );
    return Number(row?.count);
  };
  const promiseRow = async (id: string) => {
    const [row] = await asClinic<Array<{ status: string; confirmed_by_user_id: string | null }>>(
      owner,
      clinicId,
      'SELECT status, confirmed_by_user_id FROM promises WHERE id = $1',
      [id],
    );
    return row;
  };

  beforeAll(async () => {
    owner = await ownerDataSource();
    clinicId = (await newClinic(owner)).id;
    admin = await newUser(owner, clinicId, 'clinic_admin');
    therapist = await newUser(owner, clinicId, 'therapist');
    colleague = await newUser(owner, clinicId, 'therapist');
    // Far east of UTC, so "today" for the couple often differs from the server's date.
    couple = await newCouple(owner, clinicId, {
      therapistIds: [therapist.id],
      timeZone: 'Pacific/Kiritimati',
    });
    const otherClinic = await newClinic(owner);
    const stranger = await newCouple(owner, otherClinic.id);
    api = await startTestApi();
    [tokenA, tokenB, therapistToken, strangerToken] = await Promise.all([
      api.signIn(couple.partnerA),
      api.signIn(couple.partnerB),
      api.signIn(therapist),
      api.signIn(stranger.partnerA),
    ]);
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  it('records a promise that the other partner confirms once; both partners and staff see it', async () => {
    const today = todayIn(couple.timeZone);
    const created = await api.request('POST', '/promises', {
      token: tokenA,
      body: { description: 'Call when I leave work', dueDate: today },
    });
    expect(created.status).toBe(201);
    const promise = await read<PromiseBody>(created);
    expect(promise).toMatchObject({
      coupleId: couple.id,
      promiserId: couple.partnerA.id,
      dueDate: today,
      status: 'open',
      confirmedById: null,
    });

    for (const token of [tokenB, therapistToken, await api.signIn(admin)]) {
      const list = await api.request(
        'GET',
        `/promises?filter=${encodeURIComponent(JSON.stringify({ coupleId: couple.id, status: 'open' }))}`,
        { token },
      );
      expect(list.status).toBe(200);
      expect((await read<PromiseBody[]>(list)).map((p) => p.id)).toContain(promise.id);
      expect((await api.request('GET', `/promises/${promise.id}`, { token })).status).toBe(200);
    }

    const confirmed = await api.request('POST', `/promises/${promise.id}/confirm`, {
      token: tokenB,
      body: { status: 'partly', note: 'Called twice out of three' },
    });
    expect(confirmed.status).toBe(200);
    expect(await read<PromiseBody>(confirmed)).toMatchObject({
      status: 'partly',
      confirmedById: couple.partnerB.id,
      confirmationNote: 'Called twice out of three',
    });
    const twice = await api.request('POST', `/promises/${promise.id}/confirm`, {
      token: tokenB,
      body: { status: 'kept' },
    });
    expect(twice.status).toBe(409);
    expect((await promiseRow(promise.id))?.status).toBe('partly');

    const audit = await asClinic<Array<{ action: string }>>(
      owner,
      clinicId,
      `SELECT action FROM audit_events WHERE record_id = $1 ORDER BY occurred_at`,
      [promise.id],
    );
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['promise.created', 'promise.read', 'promise.confirmed']),
    );
  });

  it('refuses the promiser’s own confirmation with 403', async () => {
    const id = await newPromise(owner, couple, { by: 'a', dueDate: todayIn(couple.timeZone) });
    const response = await api.request('POST', `/promises/${id}/confirm`, {
      token: tokenA,
      body: { status: 'kept' },
    });
    expect(response.status).toBe(403);
    expect(await promiseRow(id)).toEqual({ status: 'open', confirmed_by_user_id: null });
  });

  it('refuses staff the partner-only actions (403)', async () => {
    const id = await newPromise(owner, couple, { by: 'a', dueDate: todayIn(couple.timeZone) });
    const before = await promiseCount(couple.id);
    for (const token of [therapistToken, await api.signIn(admin)]) {
      const create = await api.request('POST', '/promises', {
        token,
        body: { description: 'Staff cannot promise', dueDate: todayIn(couple.timeZone) },
      });
      expect(create.status).toBe(403);
      const confirm = await api.request('POST', `/promises/${id}/confirm`, {
        token,
        body: { status: 'kept' },
      });
      expect(confirm.status).toBe(403);
    }
    expect(await promiseCount(couple.id)).toBe(before);
    expect((await promiseRow(id))?.status).toBe('open');
  });

  it('answers 404 to another clinic and to another couple, and changes nothing', async () => {
    const id = await newPromise(owner, couple, { by: 'a', dueDate: todayIn(couple.timeZone) });
    const neighbours = await newCouple(owner, clinicId, { therapistIds: [colleague.id] });
    const neighbourToken = await api.signIn(neighbours.partnerB);
    for (const token of [strangerToken, neighbourToken, await api.signIn(colleague)]) {
      expect((await api.request('GET', `/promises/${id}`, { token })).status).toBe(404);
      const list = await api.request('GET', `/promises?filter={"coupleId":"${couple.id}"}`, {
        token,
      });
      expect(await read<PromiseBody[]>(list)).toEqual([]);
      expect(
        (await api.request('GET', `/couples/${couple.id}/promise-trend`, { token })).status,
      ).toBe(404);
    }
    for (const token of [strangerToken, neighbourToken]) {
      const confirm = await api.request('POST', `/promises/${id}/confirm`, {
        token,
        body: { status: 'not_kept' },
      });
      expect(confirm.status).toBe(404);
    }
    expect(await promiseRow(id)).toEqual({ status: 'open', confirmed_by_user_id: null });
  });

  it('names bad fields (short text, past or impossible date, unknown keys) and writes nothing', async () => {
    const before = await promiseCount(couple.id);
    const yesterday = addDays(todayIn(couple.timeZone), -1);
    const cases: Array<[unknown, string[]]> = [
      [
        { description: 'hi', dueDate: 'tomorrow', coupleId: couple.id },
        ['coupleId', 'description', 'dueDate'],
      ],
      [{ description: 'Walk the dog together', dueDate: yesterday }, ['dueDate']],
      [{ description: 'Walk the dog together', dueDate: '2031-02-30' }, ['dueDate']],
      [{ description: 'x'.repeat(501), dueDate: todayIn(couple.timeZone) }, ['description']],
    ];
    for (const [body, fields] of cases) {
      const response = await api.request('POST', '/promises', { token: tokenA, body });
      expect(response.status).toBe(400);
      expect(Object.keys((await read<ErrorBody>(response)).fields ?? {}).sort()).toEqual(fields);
    }
    expect(await promiseCount(couple.id)).toBe(before);

    const id = await newPromise(owner, couple, { by: 'a', dueDate: todayIn(couple.timeZone) });
    const badConfirm = await api.request('POST', `/promises/${id}/confirm`, {
      token: tokenB,
      body: { status: 'open', note: 'n'.repeat(1001), extra: true },
    });
    expect(badConfirm.status).toBe(400);
    expect(Object.keys((await read<ErrorBody>(badConfirm)).fields ?? {}).sort()).toEqual([
      'extra',
      'note',
      'status',
    ]);
    expect((await promiseRow(id))?.status).toBe('open');
    const badFilter = await api.request('GET', '/promises?filter={"promiserId":"me"}', {
      token: tokenA,
    });
    expect(badFilter.status).toBe(400);
    expect((await read<ErrorBody>(badFilter)).fields).toHaveProperty(['filter.promiserId']);
  });

  it('asks a partner to accept the privacy note first (policy_not_acknowledged)', async () => {
    const fresh = await newCouple(owner, clinicId, {
      therapistIds: [therapist.id],
      acknowledged: false,
    });
    const response = await api.request('POST', '/promises', {
      token: await api.signIn(fresh.partnerA),
      body: { description: 'Be home by seven', dueDate: todayIn(fresh.timeZone) },
    });
    expect(response.status).toBe(403);
    expect(await read<ErrorBody>(response)).toMatchObject({
      code: 'policy_not_acknowledged',
      message: 'Please read and accept your clinic’s privacy note first',
    });
    expect(await promiseCount(fresh.id)).toBe(0);
  });

  it('refuses new promises once the couple is closed (409)', async () => {
    const closed = await newCouple(owner, clinicId, { status: 'closed' });
    const response = await api.request('POST', '/promises', {
      token: await api.signIn(closed.partnerA),
      body: { description: 'Be home by seven', dueDate: todayIn(closed.timeZone) },
    });
    expect(response.status).toBe(409);
    expect(await promiseCount(closed.id)).toBe(0);
  });

  it('computes each partner’s kept rate per ISO week for the last 8 weeks, partly as half', async () => {
    const history = await newCouple(owner, clinicId, {
      therapistIds: [therapist.id],
      timeZone: 'Pacific/Kiritimati',
    });
    const today = todayIn(history.timeZone);
    const monday = mondayOf(today);
    const week = (back: number) => addDays(monday, -7 * back);
    const made: Array<['a' | 'b', string, 'open' | 'kept' | 'partly' | 'not_kept']> = [
      ['a', week(0), 'kept'],
      ['a', week(0), 'partly'],
      ['a', week(0), 'open'],
      ['a', week(1), 'not_kept'],
      ['a', week(1), 'kept'],
      ['a', addDays(week(2), 6), 'partly'],
      // Nine weeks back: counted in the totals, outside the eight weeks.
      ['a', week(8), 'kept'],
      ['b', week(1), 'partly'],
      ['b', week(1), 'partly'],
      ['b', addDays(week(1), 3), 'not_kept'],
      ['b', addDays(today, 3), 'open'],
    ];
    for (const [by, dueDate, status] of made) {
      await newPromise(owner, history, { by, dueDate, status });
    }
    const tokens = [
      therapistToken,
      await api.signIn(history.partnerA),
      await api.signIn(history.partnerB),
    ];
    for (const token of tokens) {
      const response = await api.request('GET', `/couples/${history.id}/promise-trend`, { token });
      expect(response.status).toBe(200);
      const trend = await read<TrendBody>(response);
      expect(trend.today).toBe(today);
      const [a, b] = trend.partners;
      expect(a?.userId).toBe(history.partnerA.id);
      expect(a?.totals).toEqual({ kept: 3, partly: 2, notKept: 1, open: 1 });
      expect(b?.totals).toEqual({ kept: 0, partly: 2, notKept: 1, open: 1 });
      expect(a?.weeks.map((w) => w.weekStart)).toEqual([7, 6, 5, 4, 3, 2, 1, 0].map(week));
      expect(a?.weeks.map((w) => w.keptRate)).toEqual([
        null,
        null,
        null,
        null,
        null,
        0.5,
        0.5,
        0.75,
      ]);
      expect(a?.weeks[7]).toMatchObject({ kept: 1, partly: 1, notKept: 0, open: 1 });
      expect(b?.weeks.map((w) => w.keptRate)).toEqual([
        null,
        null,
        null,
        null,
        null,
        null,
        0.3333,
        null,
      ]);
      expect(b?.weeks[6]).toMatchObject({ kept: 0, partly: 2, notKept: 1, open: 0 });
      expect(a?.weeks[7]?.week).toMatch(/^\d{4}-W\d{2}$/);
    }
  });
});
