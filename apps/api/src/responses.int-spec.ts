import type { DataSource } from 'typeorm';
import type { InstalledLibrary } from '@mend/server-db';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  setOccurrenceDueAt,
  setSafetyPause,
  withLibrary,
  type TestCouple,
  type TestUser,
} from '@mend/server-testing';
import { addDays, todayIn } from '@mend/shared-schedule';
import { startTestApi, type TestApi } from './testing/test-api';

type Fields = Record<string, string>;

interface ResponseBody {
  id: string;
  status: string;
  late: boolean;
  authorId: string;
  answers: Record<string, { value?: unknown; visibility: string }>;
  replayed?: boolean;
  confirmedById: string | null;
}

interface OccurrenceBody {
  id: string;
  status: string;
  state?: string;
  hasDraft: boolean;
  hasSubmitted: boolean;
  pendingConfirmationResponseId?: string | null;
  myResponse: ResponseBody | null;
  responses: ResponseBody[];
  definition: { prompts: Array<{ id: string }>; visibilityOptions: string[] };
}

const ZONE = 'America/New_York';

describe('drafts and responses (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let clinicId: string;
  let library: InstalledLibrary;
  let couple: TestCouple;
  let therapistToken: string;
  let aToken: string;
  let bToken: string;
  let foreignToken: string;

  const filter = (value: Record<string, unknown>) =>
    `filter=${encodeURIComponent(JSON.stringify(value))}`;

  /** Assigns an exercise due once, tomorrow evening, and answers its occurrence id. */
  const occurrenceOf = async (
    key: string,
    completionMode: string,
    extra: Record<string, unknown> = {},
  ): Promise<string> => {
    const exercise = library.exercises.get(key);
    const response = await api.request('POST', '/assignments', {
      token: therapistToken,
      body: {
        coupleId: couple.id,
        exerciseId: exercise?.exerciseId,
        completionMode,
        startDate: addDays(todayIn(ZONE), 1),
        recurrence: { kind: 'once' },
        dueTime: '20:00',
        ...extra,
      },
    });
    if (response.status !== 201) throw new Error(`assign: ${await response.text()}`);
    const { id } = (await response.json()) as { id: string };
    const [occurrence] = await asClinic<Array<{ id: string }>>(
      owner,
      clinicId,
      `SELECT id FROM occurrences WHERE assignment_id = $1`,
      [id],
    );
    if (!occurrence) throw new Error('no occurrence planned');
    return occurrence.id;
  };

  const submit = (occurrenceId: string, answers: unknown, token = aToken, key?: string) =>
    api.request('POST', `/occurrences/${occurrenceId}/responses`, {
      token,
      body: { answers },
      ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
    });

  const responseRows = (occurrenceId: string) =>
    asClinic<Array<{ id: string; status: string; author_user_id: string; answers: unknown }>>(
      owner,
      clinicId,
      `SELECT id, status, author_user_id, answers FROM responses WHERE occurrence_id = $1`,
      [occurrenceId],
    );

  const checkIn = {
    mood: { value: 7, visibility: 'partner' },
    connection: { value: 6, visibility: 'reveal_after_both' },
  };

  beforeAll(async () => {
    owner = await ownerDataSource();
    const clinic = await newClinic(owner);
    clinicId = clinic.id;
    library = await withLibrary(owner, clinicId);
    const therapist: TestUser = await newUser(owner, clinicId, 'therapist');
    couple = await newCouple(owner, clinicId, { therapistIds: [therapist.id], timeZone: ZONE });
    const foreignClinic = await newClinic(owner);
    const foreignCouple = await newCouple(owner, foreignClinic.id);
    api = await startTestApi();
    [therapistToken, aToken, bToken, foreignToken] = await Promise.all([
      api.signIn(therapist),
      api.signIn(couple.partnerA),
      api.signIn(couple.partnerB),
      api.signIn(foreignCouple.partnerA),
    ]);
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  describe('answer validation through the API: 400 naming answers.<promptId>, nothing written', () => {
    const cases: Array<[string, string, Record<string, unknown>, string]> = [
      // [exercise, mode, answers, the field named]
      ['daily-check-in', 'each', { mood: { value: 11 }, connection: { value: 5 } }, 'answers.mood'],
      ['daily-check-in', 'each', { connection: { value: 5 } }, 'answers.mood'],
      [
        'daily-check-in',
        'each',
        { ...checkIn, feelings: { value: ['calm', 'tired', 'hurt', 'lonely'] } },
        'answers.feelings',
      ],
      [
        'daily-check-in',
        'each',
        { ...checkIn, one_thing: { value: 'x'.repeat(201) } },
        'answers.one_thing',
      ],
      ['daily-check-in', 'each', { ...checkIn, surprise: { value: 'hello' } }, 'answers.surprise'],
      [
        'daily-check-in',
        'each',
        { mood: { value: 5, visibility: 'everyone' }, connection: { value: 5 } },
        'answers.mood.visibility',
      ],
      [
        'weekly-couple-meeting',
        'joint',
        { appreciations: { value: 'Thanks for the dinner.' }, how_it_went: { value: 'great' } },
        'answers.how_it_went',
      ],
      [
        'weekly-couple-meeting',
        'joint',
        {
          appreciations: { value: 'Thanks.' },
          how_it_went: { value: 'agreed' },
          practical: { value: ['money', 'holidays'] },
        },
        'answers.practical',
      ],
      [
        'weekly-couple-meeting',
        'joint',
        {
          appreciations: { value: 'Thanks.' },
          how_it_went: { value: 'agreed' },
          next_meeting: { value: '2026-02-30' },
        },
        'answers.next_meeting',
      ],
      [
        'weekly-couple-meeting',
        'joint',
        { appreciations: { value: 42 }, how_it_went: { value: 'agreed' } },
        'answers.appreciations',
      ],
      [
        'listening-without-fixing',
        'each',
        { asked_what_they_need: { value: 'yes' } },
        'answers.asked_what_they_need',
      ],
      [
        'listening-without-fixing',
        'each',
        { asked_what_they_need: { value: true }, urges: { value: 'fix' } },
        'answers.urges',
      ],
    ];

    it.each(cases)('%s in mode %s, case %#', async (key, mode, answers, field) => {
      const occurrenceId = await occurrenceOf(key, mode);
      const response = await submit(occurrenceId, answers);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { fields: Fields };
      expect(Object.keys(body.fields)).toContain(field);
      expect(body.fields[field]).toEqual(expect.any(String));
      const draft = await api.request('PUT', `/occurrences/${occurrenceId}/draft`, {
        token: aToken,
        body: { answers },
      });
      // A draft may be incomplete, but never malformed.
      if (field === 'answers.mood' && !('mood' in answers)) expect(draft.status).toBe(200);
      else expect(draft.status).toBe(400);
      const rows = await responseRows(occurrenceId);
      expect(rows.filter((row) => row.status !== 'draft')).toEqual([]);
    });

    it('refuses a body without answers', async () => {
      const occurrenceId = await occurrenceOf('daily-check-in', 'each');
      const response = await api.request('POST', `/occurrences/${occurrenceId}/responses`, {
        token: aToken,
        body: { answer: {} },
      });
      expect(response.status).toBe(400);
      expect(Object.keys(((await response.json()) as { fields: Fields }).fields).sort()).toEqual([
        'answer',
        'answers',
      ]);
      expect(await responseRows(occurrenceId)).toEqual([]);
    });
  });

  it('keeps a draft for its author only, and loads it back', async () => {
    const occurrenceId = await occurrenceOf('daily-check-in', 'each');
    const saved = await api.request('PUT', `/occurrences/${occurrenceId}/draft`, {
      token: aToken,
      body: {
        answers: {
          mood: { value: 3, visibility: 'partner' },
          one_thing: { value: 'DRAFT-MARKER-41' },
        },
      },
    });
    expect(saved.status).toBe(200);
    const draft = (await saved.json()) as ResponseBody;
    expect(draft.status).toBe('draft');
    const again = await api.request('PUT', `/occurrences/${occurrenceId}/draft`, {
      token: aToken,
      body: {
        answers: {
          mood: { value: 4, visibility: 'partner' },
          one_thing: { value: 'DRAFT-MARKER-41' },
        },
      },
    });
    expect(((await again.json()) as ResponseBody).id).toBe(draft.id);

    const mine = (await (
      await api.request('GET', `/occurrences/${occurrenceId}`, { token: aToken })
    ).json()) as OccurrenceBody;
    expect(mine.hasDraft).toBe(true);
    expect(mine.myResponse?.answers).toEqual({
      mood: { value: 4, visibility: 'partner' },
      one_thing: { value: 'DRAFT-MARKER-41', visibility: 'reveal_after_both' },
    });

    for (const token of [bToken, therapistToken]) {
      const occurrence = await api.request('GET', `/occurrences/${occurrenceId}`, { token });
      const text = await occurrence.text();
      expect(occurrence.status).toBe(200);
      expect(text).not.toContain('DRAFT-MARKER-41');
      expect((JSON.parse(text) as OccurrenceBody).responses).toEqual([]);
      expect((await api.request('GET', `/responses/${draft.id}`, { token })).status).toBe(404);
      const list = await api.request('GET', `/responses?${filter({ occurrenceId })}`, { token });
      expect(await list.json()).toEqual([]);
      expect(list.headers.get('content-range')).toBe('responses 0-0/0');
    }
  });

  it('creates one response from five identical concurrent submissions', async () => {
    const occurrenceId = await occurrenceOf('daily-check-in', 'each');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => submit(occurrenceId, checkIn)),
    );
    const statuses = results.map((result) => result.status).sort();
    expect(statuses.every((status) => status === 200 || status === 201)).toBe(true);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    const ids = await Promise.all(
      results.map(async (result) => ((await result.json()) as ResponseBody).id),
    );
    expect(new Set(ids).size).toBe(1);
    expect(await responseRows(occurrenceId)).toHaveLength(1);
  });

  it('replays a submission with the same Idempotency-Key and refuses a different second one', async () => {
    const occurrenceId = await occurrenceOf('daily-check-in', 'each');
    const first = await submit(occurrenceId, checkIn, aToken, 'submit-7f3a');
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as ResponseBody;
    const changed = { ...checkIn, mood: { value: 1, visibility: 'partner' } };
    const replay = await submit(occurrenceId, changed, aToken, 'submit-7f3a');
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ id, replayed: true });
    expect((await submit(occurrenceId, changed, aToken, 'submit-other')).status).toBe(409);
    expect((await submit(occurrenceId, changed)).status).toBe(409);
    const [row] = await responseRows(occurrenceId);
    expect(row?.answers).toMatchObject({ mood: { value: 7 } });
    const badKey = await submit(occurrenceId, checkIn, aToken, 'not a key!');
    expect(badKey.status).toBe(400);
  });

  it('accepts late answers and marks them late', async () => {
    const occurrenceId = await occurrenceOf('daily-check-in', 'each');
    await setOccurrenceDueAt(owner, clinicId, occurrenceId, new Date(Date.now() - 3_600_000));
    const list = await api.request('GET', `/occurrences?${filter({ id: occurrenceId })}`, {
      token: aToken,
    });
    expect(((await list.json()) as OccurrenceBody[])[0]?.state).toBe('overdue');
    const response = await submit(occurrenceId, checkIn);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ late: true, status: 'submitted' });
    const onTime = await submit(await occurrenceOf('daily-check-in', 'each'), checkIn);
    expect(await onTime.json()).toMatchObject({ late: false });
  });

  it('completes an "each" occurrence when both partners have answered', async () => {
    const occurrenceId = await occurrenceOf('daily-check-in', 'each');
    await submit(occurrenceId, checkIn);
    const status = async () =>
      (
        await asClinic<Array<{ status: string }>>(
          owner,
          clinicId,
          `SELECT status FROM occurrences WHERE id = $1`,
          [occurrenceId],
        )
      )[0]?.status;
    expect(await status()).toBe('open');
    const listed = (await (
      await api.request('GET', `/occurrences?${filter({ id: occurrenceId })}`, { token: aToken })
    ).json()) as OccurrenceBody[];
    expect(listed[0]).toMatchObject({ state: 'done', hasSubmitted: true });
    expect((await submit(occurrenceId, checkIn, bToken)).status).toBe(201);
    expect(await status()).toBe('completed');
  });

  it('lets only the named partner answer in mode "one", and completes on their answer', async () => {
    const occurrenceId = await occurrenceOf('listening-without-fixing', 'one', {
      assigneeId: couple.partnerB.id,
    });
    const answers = { asked_what_they_need: { value: true, visibility: 'partner' } };
    expect((await submit(occurrenceId, answers, aToken)).status).toBe(403);
    const draft = await api.request('PUT', `/occurrences/${occurrenceId}/draft`, {
      token: aToken,
      body: { answers },
    });
    expect(draft.status).toBe(403);
    const aMine = (await (
      await api.request('GET', `/occurrences?${filter({ id: occurrenceId, mine: true })}`, {
        token: aToken,
      })
    ).json()) as OccurrenceBody[];
    expect(aMine).toEqual([]);
    const bMine = (await (
      await api.request('GET', `/occurrences?${filter({ id: occurrenceId, mine: true })}`, {
        token: bToken,
      })
    ).json()) as OccurrenceBody[];
    expect(bMine[0]).toMatchObject({ state: 'due', hasSubmitted: false });
    expect((await submit(occurrenceId, answers, bToken)).status).toBe(201);
    const [row] = await asClinic<Array<{ status: string }>>(
      owner,
      clinicId,
      `SELECT status FROM occurrences WHERE id = $1`,
      [occurrenceId],
    );
    expect(row?.status).toBe('completed');
  });

  it('runs the joint flow: one submits, the other confirms', async () => {
    const occurrenceId = await occurrenceOf('weekly-couple-meeting', 'joint');
    const answers = {
      appreciations: { value: 'You listened well.', visibility: 'partner' },
      how_it_went: { value: 'agreed', visibility: 'partner' },
    };
    const submitted = await submit(occurrenceId, answers, aToken);
    expect(submitted.status).toBe(201);
    const response = (await submitted.json()) as ResponseBody;
    expect(response.status).toBe('awaiting_confirmation');

    const forB = (await (
      await api.request('GET', `/occurrences?${filter({ id: occurrenceId })}`, { token: bToken })
    ).json()) as OccurrenceBody[];
    expect(forB[0]).toMatchObject({ pendingConfirmationResponseId: response.id, state: 'due' });
    expect((await submit(occurrenceId, answers, bToken)).status).toBe(409);
    expect(
      (await api.request('POST', `/responses/${response.id}/confirm`, { token: aToken })).status,
    ).toBe(403);
    expect(
      (await api.request('POST', `/responses/${response.id}/confirm`, { token: therapistToken }))
        .status,
    ).toBe(403);
    expect(
      (await api.request('POST', `/responses/${response.id}/confirm`, { token: foreignToken }))
        .status,
    ).toBe(404);
    const confirmed = await api.request('POST', `/responses/${response.id}/confirm`, {
      token: bToken,
    });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({
      status: 'submitted',
      confirmedById: couple.partnerB.id,
    });
    const [row] = await asClinic<Array<{ status: string }>>(
      owner,
      clinicId,
      `SELECT status FROM occurrences WHERE id = $1`,
      [occurrenceId],
    );
    expect(row?.status).toBe('completed');
    expect(
      (await api.request('POST', `/responses/${response.id}/confirm`, { token: bToken })).status,
    ).toBe(409);
  });

  it('hides joint work from clients while a safety concern pauses it, and refuses answers (409)', async () => {
    const joint = await occurrenceOf('weekly-couple-meeting', 'joint');
    await setSafetyPause(owner, clinicId, couple.id, true);
    try {
      const list = (await (
        await api.request('GET', `/occurrences?${filter({ id: joint })}`, { token: aToken })
      ).json()) as OccurrenceBody[];
      expect(list).toEqual([]);
      expect((await api.request('GET', `/occurrences/${joint}`, { token: aToken })).status).toBe(
        404,
      );
      const answers = {
        appreciations: { value: 'Thanks.' },
        how_it_went: { value: 'agreed' },
      };
      expect((await submit(joint, answers)).status).toBe(409);
      expect(
        (
          await api.request('PUT', `/occurrences/${joint}/draft`, {
            token: aToken,
            body: { answers },
          })
        ).status,
      ).toBe(409);
      expect(await responseRows(joint)).toEqual([]);
      const staff = await api.request('GET', `/occurrences/${joint}`, { token: therapistToken });
      expect(staff.status).toBe(200);
    } finally {
      await setSafetyPause(owner, clinicId, couple.id, false);
    }
  });

  describe('who may answer', () => {
    it('refuses staff (403) and other clinics (404), writing nothing', async () => {
      const occurrenceId = await occurrenceOf('daily-check-in', 'each');
      expect((await submit(occurrenceId, checkIn, therapistToken)).status).toBe(403);
      const draft = await api.request('PUT', `/occurrences/${occurrenceId}/draft`, {
        token: therapistToken,
        body: { answers: checkIn },
      });
      expect(draft.status).toBe(403);
      expect((await submit(occurrenceId, checkIn, foreignToken)).status).toBe(404);
      const foreignDraft = await api.request('PUT', `/occurrences/${occurrenceId}/draft`, {
        token: foreignToken,
        body: { answers: checkIn },
      });
      expect(foreignDraft.status).toBe(404);
      expect(
        (await api.request('GET', `/occurrences/${occurrenceId}`, { token: foreignToken })).status,
      ).toBe(404);
      const list = await api.request('GET', `/occurrences?${filter({ id: occurrenceId })}`, {
        token: foreignToken,
      });
      expect(await list.json()).toEqual([]);
      expect(await responseRows(occurrenceId)).toEqual([]);
    });

    it('refuses a partner who has not accepted the privacy note', async () => {
      const therapist = await newUser(owner, clinicId, 'therapist');
      const newcomers = await newCouple(owner, clinicId, {
        therapistIds: [therapist.id],
        acknowledged: false,
      });
      const token = await api.signIn(newcomers.partnerA);
      for (const path of ['/occurrences', '/responses']) {
        const response = await api.request('GET', path, { token });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'policy_not_acknowledged' });
      }
    });

    it('names bad list filters', async () => {
      const response = await api.request('GET', `/occurrences?${filter({ from: 'yesterday' })}`, {
        token: aToken,
      });
      expect(response.status).toBe(400);
      expect(Object.keys(((await response.json()) as { fields: Fields }).fields)).toEqual([
        'filter.from',
      ]);
    });
  });
});
