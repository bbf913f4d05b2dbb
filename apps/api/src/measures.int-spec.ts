import type { DataSource } from 'typeorm';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  setMeasureSettings,
  withMeasures,
  type TestCouple,
} from '@mend/server-testing';
import { addDays, todayIn } from '@mend/shared-schedule';
import { CSI_4 } from '@mend/shared-measures';
import { startTestApi, type TestApi } from './testing/test-api';

/*
 * Outcome measures over real HTTP and PostgreSQL: import and licence attestation, schedules
 * per partner, scoring at submission, reliable change and the gap, the alerts they raise, and
 * partner privacy checked byte for byte on everything partner B can GET.
 */

const ZONE = 'America/New_York';

/** The CSI-4's structure with stand-in wording and published-style norms (SD 3, r .9). */
const NORMED = {
  ...CSI_4,
  key: 'csi-4-normed',
  items: CSI_4.items.map((item, index) => ({
    ...item,
    prompt: { en: `Stand-in wording ${index + 1}` },
  })),
  reliableChange: { source: 'published_norms', baselineSd: 3, reliability: 0.9 },
};

const csi = (values: number[]) =>
  Object.fromEntries(values.map((value, index) => [`item${index + 1}`, value]));

interface Administration {
  id: string;
  partnerId: string;
  status: string;
  localDate: string;
  total: number | null;
  answers?: Record<string, number | null> | null;
}

interface Summary {
  key: string;
  figures: { ready: boolean; threshold: number | null; reason: string | null; explanation: string };
  partners: Array<{
    partnerId: string;
    points: Array<{ total: number; change: number; classification: string | null }>;
    latest: { total: number; classification: string | null } | null;
  }>;
  gaps: Array<{ localDate: string; gap: number }>;
  gapThreshold: number | null;
}

describe('outcome measures (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let clinicId: string;
  let couple: TestCouple;
  let measures: Map<string, string>;
  let adminToken: string;
  let therapistToken: string;
  let aToken: string;
  let bToken: string;
  let foreignTherapistToken: string;
  let normedId: string;
  /** Each partner's open rounds of the normed measure, oldest first. */
  let aRounds: Administration[];
  let bRounds: Administration[];

  const json = async <T>(response: Response, status: number): Promise<T> => {
    const text = await response.text();
    if (response.status !== status) throw new Error(`${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const query = (value: Record<string, unknown>) =>
    `filter=${encodeURIComponent(JSON.stringify(value))}&range=[0,99]&sort=["opensAt","ASC"]`;

  const answer = (token: string, id: string, answers: Record<string, number | null>) =>
    api.request('POST', `/measure-administrations/${id}/answers`, { token, body: { answers } });

  /** Everything about measures (and around them) partner B can read, as raw bodies. */
  const everythingBSees = async (): Promise<string[]> => {
    const paths = [
      `/measure-administrations`,
      `/measure-administrations?${query({ coupleId: couple.id })}`,
      `/measure-administrations?${query({ status: 'answered' })}`,
      `/measure-administrations?${query({ partnerId: couple.partnerA.id })}`,
      ...bRounds.map((round) => `/measure-administrations/${round.id}`),
      ...aRounds.map((round) => `/measure-administrations/${round.id}`),
      `/couples/${couple.id}/measures`,
      `/couples/${couple.id}`,
      `/couples`,
      `/measure-settings`,
      `/alerts`,
      `/safety-checks`,
      `/notifications`,
      `/notifications/unread-count`,
    ];
    return Promise.all(
      paths.map(async (path) => {
        const response = await api.request('GET', path, { token: bToken });
        return `${path} ${response.status} ${response.headers.get('content-range') ?? ''} ${await response.text()}`;
      }),
    );
  };

  const alertsOf = async (kind: string) =>
    asClinic<
      Array<{ status: string; subject_user_id: string | null; detail: Record<string, unknown> }>
    >(
      owner,
      clinicId,
      `SELECT status, subject_user_id, detail FROM alerts
        WHERE clinic_id = $1 AND couple_id = $2 AND kind = $3 ORDER BY created_at`,
      [clinicId, couple.id, kind],
    );

  beforeAll(async () => {
    owner = await ownerDataSource();
    api = await startTestApi();
    const clinic = await newClinic(owner);
    clinicId = clinic.id;
    const admin = await newUser(owner, clinicId, 'clinic_admin');
    const therapist = await newUser(owner, clinicId, 'therapist');
    couple = await newCouple(owner, clinicId, { therapistIds: [therapist.id], timeZone: ZONE });
    measures = await withMeasures(owner, clinicId);
    const foreign = await newClinic(owner);
    const foreignTherapist = await newUser(owner, foreign.id, 'therapist');
    [adminToken, therapistToken, aToken, bToken, foreignTherapistToken] = await Promise.all(
      [admin, therapist, couple.partnerA, couple.partnerB, foreignTherapist].map((user) =>
        api.signIn(user),
      ),
    );
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  it('imports a definition (a bad one is a 400 naming the path) and refuses to assign it before the licence is attested', async () => {
    const refused = await api.request('POST', '/measure-definitions', {
      token: therapistToken,
      body: { definition: NORMED },
    });
    expect(refused.status).toBe(403);

    const bad = await json<{ fields: Record<string, string> }>(
      await api.request('POST', '/measure-definitions', {
        token: adminToken,
        body: {
          definition: {
            ...NORMED,
            items: [NORMED.items[0], { ...NORMED.items[1], options: [{ score: 1 }] }],
          },
        },
      }),
      400,
    );
    expect(Object.keys(bad.fields)).toEqual(['definition.items[1].options']);

    const imported = await json<{ id: string; assignable: boolean; licence: { attestedAt: null } }>(
      await api.request('POST', '/measure-definitions', {
        token: adminToken,
        body: { definition: NORMED },
      }),
      201,
    );
    normedId = imported.id;
    expect(imported.assignable).toBe(false);
    expect(imported.licence.attestedAt).toBeNull();

    const schedule = {
      coupleId: couple.id,
      definitionId: normedId,
      startDate: addDays(todayIn(ZONE), -3),
      dueTime: '00:00',
      recurrence: { kind: 'daily' },
    };
    const notAttested = await api.request('POST', '/measure-schedules', {
      token: therapistToken,
      body: schedule,
    });
    expect(notAttested.status).toBe(403);
    expect(await notAttested.json()).toMatchObject({ code: 'licence_not_attested' });

    // The shipped CSI-4 has no wording until the clinic enters it, even once attested.
    const csiId = measures.get('csi-4') ?? '';
    await json(
      await api.request('POST', `/measure-definitions/${csiId}/attest`, { token: adminToken }),
      200,
    );
    const unworded = await json<{ fields: Record<string, string> }>(
      await api.request('POST', '/measure-schedules', {
        token: therapistToken,
        body: { ...schedule, definitionId: csiId },
      }),
      400,
    );
    expect(unworded.fields.definitionId).toMatch(/item1, item2, item3, item4/);

    const attested = await json<{ assignable: boolean; licence: { attestedAt: string | null } }>(
      await api.request('POST', `/measure-definitions/${normedId}/attest`, { token: adminToken }),
      200,
    );
    expect(attested.assignable).toBe(true);
    expect(attested.licence.attestedAt).not.toBeNull();

    const created = await json<{ administrations: number; expiryDays: number }>(
      await api.request('POST', '/measure-schedules', { token: therapistToken, body: schedule }),
      201,
    );
    expect(created.expiryDays).toBe(4);
    // Each partner separately: an even count, with the four rounds of the last days open now.
    expect(created.administrations % 2).toBe(0);

    const open = (token: string) =>
      api
        .request('GET', `/measure-administrations?${query({ status: 'open' })}`, { token })
        .then((response) => json<Administration[]>(response, 200));
    aRounds = await open(aToken);
    bRounds = await open(bToken);
    expect(aRounds.map((round) => round.partnerId)).toEqual(Array(4).fill(couple.partnerA.id));
    expect(bRounds.map((round) => round.partnerId)).toEqual(Array(4).fill(couple.partnerB.id));
    expect(aRounds.map((round) => round.localDate)).toEqual(
      bRounds.map((round) => round.localDate),
    );
  });

  it('scores on submission, refuses a bad answer by item and never takes an answer twice', async () => {
    const [first] = aRounds;
    if (!first) throw new Error('no round');
    const outOfRange = await json<{ fields: Record<string, string> }>(
      await answer(aToken, first.id, csi([6, 6, 5, 5])),
      400,
    );
    expect(Object.keys(outOfRange.fields)).toEqual(['answers.item2']);
    // B cannot answer (or read) A's round: it is not theirs.
    expect((await answer(bToken, first.id, csi([6, 5, 5, 5]))).status).toBe(404);

    const answered = await json<Administration>(
      await answer(aToken, first.id, csi([6, 5, 5, 5])),
      200,
    );
    expect(answered.status).toBe('answered');
    // Partners do not see scores unless the clinic allows it.
    expect([answered.total, answered.answers]).toEqual([null, null]);
    expect((await answer(aToken, first.id, csi([3, 3, 3, 3]))).status).toBe(409);

    const staffView = await json<Administration>(
      await api.request('GET', `/measure-administrations/${first.id}`, { token: therapistToken }),
      200,
    );
    expect([staffView.total, staffView.answers]).toEqual([21, csi([6, 5, 5, 5])]);

    // The database itself refuses to rewrite an answered round.
    await expect(
      asClinic(owner, clinicId, `UPDATE measure_administrations SET total = 0 WHERE id = $1`, [
        first.id,
      ]),
    ).rejects.toThrow(/never edited/);
  });

  it("leaves partner B's view byte-for-byte unchanged while A answers, and alerts on A's reliable deterioration", async () => {
    const before = await everythingBSees();
    const [, second] = aRounds;
    if (!second) throw new Error('no round');
    await json(await answer(aToken, second.id, csi([3, 3, 3, 3])), 200);
    const after = await everythingBSees();
    expect(after).toEqual(before);
    // Nothing B receives names any of A's rounds (the paths asked for them; the bodies do not).
    for (const line of after) {
      const body = line.slice(line.indexOf(' '));
      for (const round of aRounds) expect(body).not.toContain(round.id);
    }

    const [deterioration] = await alertsOf('measure_deterioration');
    expect(deterioration).toMatchObject({
      status: 'open',
      subject_user_id: couple.partnerA.id,
      detail: { total: 12, change: -9 },
    });

    const [summary] = await json<Summary[]>(
      await api.request('GET', `/couples/${couple.id}/measures`, { token: therapistToken }),
      200,
    );
    expect(summary?.figures.ready).toBe(true);
    expect(summary?.figures.threshold?.toFixed(2)).toBe('2.63');
    const a = summary?.partners.find((p) => p.partnerId === couple.partnerA.id);
    expect(a?.points.map((p) => [p.total, p.change, p.classification])).toEqual([
      [21, 0, null],
      [12, -9, 'deteriorated'],
    ]);
  });

  it('alerts when the gap between partners widens past the clinic threshold, and resolves alerts that no longer hold', async () => {
    const [b1, b2] = bRounds;
    const [, , a3] = aRounds;
    if (!b1 || !b2 || !a3) throw new Error('no round');
    await json(await answer(bToken, b1.id, csi([6, 5, 5, 5])), 200);
    expect(await alertsOf('measure_gap')).toEqual([]);
    await json(await answer(bToken, b2.id, csi([6, 5, 5, 5])), 200);
    const [gap] = await alertsOf('measure_gap');
    // 25 % of the 0–21 range is 5.25 points; the gap went from 0 to 9.
    expect(gap).toMatchObject({ status: 'open', detail: { gap: 9, firstGap: 0, threshold: 5.25 } });

    const [summary] = await json<Summary[]>(
      await api.request('GET', `/couples/${couple.id}/measures`, { token: therapistToken }),
      200,
    );
    expect(summary?.gaps.map((g) => g.gap)).toEqual([0, 9]);

    // A recovers to the baseline: the deterioration alert resolves itself.
    await json(await answer(aToken, a3.id, csi([6, 5, 5, 5])), 200);
    expect((await alertsOf('measure_deterioration')).map((alert) => alert.status)).toEqual([
      'resolved',
    ]);
  });

  it("shows a partner their own graph only when the clinic allows it, never the other's or the gap", async () => {
    const off = await api.request('GET', `/couples/${couple.id}/measures`, { token: bToken });
    expect(off.status).toBe(403);
    expect(await off.json()).toMatchObject({ code: 'own_graph_off' });

    await setMeasureSettings(owner, clinicId, { partnersSeeOwnGraph: true });
    const text = await (
      await api.request('GET', `/couples/${couple.id}/measures`, { token: bToken })
    ).text();
    const [own] = JSON.parse(text) as Summary[];
    expect(own?.partners.map((p) => p.partnerId)).toEqual([couple.partnerB.id]);
    expect([own?.gaps, own?.gapThreshold]).toEqual([[], null]);
    expect(text).not.toContain(couple.partnerA.id);
    for (const round of aRounds) expect(text).not.toContain(round.id);

    const list = await (
      await api.request('GET', `/measure-administrations?${query({ status: 'answered' })}`, {
        token: bToken,
      })
    ).text();
    expect((JSON.parse(list) as Administration[]).map((r) => r.total)).toEqual([21, 21]);
    expect(list).not.toContain(couple.partnerA.id);
    await setMeasureSettings(owner, clinicId, { partnersSeeOwnGraph: false });
  });

  it('raises the private safety check on a risk answer (staff only, joint work paused), invisible to B; shows raw change under 30 baselines', async () => {
    const schedule = await json<{ id: string }>(
      await api.request('POST', '/measure-schedules', {
        token: therapistToken,
        body: {
          coupleId: couple.id,
          definitionId: measures.get('mend-trust'),
          startDate: todayIn(ZONE),
          dueTime: '00:00',
          recurrence: { kind: 'once' },
        },
      }),
      201,
    );
    const mine = (token: string) =>
      api
        .request('GET', `/measure-administrations?${query({ scheduleId: schedule.id })}`, { token })
        .then((response) => json<Administration[]>(response, 200));
    const [aTrust] = await mine(aToken);
    const [bTrust] = await mine(bToken);
    if (!aTrust || !bTrust) throw new Error('no trust round');
    bRounds = [...bRounds, bTrust];
    aRounds = [...aRounds, aTrust];

    const before = await everythingBSees();
    await json(
      await answer(aToken, aTrust.id, {
        can_rely: 2,
        believe_words: 2,
        safe_to_raise: 0,
        keeps_commitments: 2,
      }),
      200,
    );
    expect(await everythingBSees()).toEqual(before);

    const [paused] = await asClinic<Array<{ paused: boolean }>>(
      owner,
      clinicId,
      `SELECT safety_paused_at IS NOT NULL AS paused FROM couples WHERE id = $1`,
      [couple.id],
    );
    expect(paused?.paused).toBe(true);
    const [safety] = await alertsOf('safety');
    expect(safety).toMatchObject({
      status: 'open',
      subject_user_id: couple.partnerA.id,
      detail: { source: 'measure', administrationId: aTrust.id },
    });
    const checks = await json<Array<{ raisedById: string }>>(
      await api.request('GET', `/safety-checks?filter={"coupleId":"${couple.id}"}`, {
        token: therapistToken,
      }),
      200,
    );
    expect(checks.map((check) => check.raisedById)).toEqual([couple.partnerA.id]);

    await json(
      await answer(bToken, bTrust.id, {
        can_rely: 5,
        believe_words: 5,
        safe_to_raise: 5,
        keeps_commitments: 5,
      }),
      200,
    );
    const summaries = await json<Summary[]>(
      await api.request('GET', `/couples/${couple.id}/measures`, { token: therapistToken }),
      200,
    );
    const trust = summaries.find((s) => s.key === 'mend-trust');
    expect(trust?.figures).toMatchObject({ ready: false, reason: 'too_few_baselines' });
    expect(trust?.figures.explanation).toMatch(/fewer than 30 baselines/);
  });

  it("answers 404 to another clinic's therapist", async () => {
    const response = await api.request('GET', `/couples/${couple.id}/measures`, {
      token: foreignTherapistToken,
    });
    expect(response.status).toBe(404);
    const round = await api.request('GET', `/measure-administrations/${aRounds[0]?.id}`, {
      token: foreignTherapistToken,
    });
    expect(round.status).toBe(404);
  });
});
