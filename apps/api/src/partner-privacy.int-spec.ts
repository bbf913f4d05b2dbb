import type { DataSource } from 'typeorm';
import type { InstalledLibrary } from '@mend/server-db';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  setAdminReadsPrivateAnswers,
  withLibrary,
  type TestCouple,
} from '@mend/server-testing';
import { addDays, todayIn } from '@mend/shared-schedule';
import { startTestApi, type TestApi } from './testing/test-api';

/*
 * THE privacy matrix. Partner A answers; partner B, the therapist and the admin read through
 * every way responses leave the API. Unique markers make "never sees" a plain text search of the
 * raw HTTP body, so a leak in any field (answers, feedback, counts) fails the test.
 */

const THERAPIST_ONLY = 'THERAPIST-ONLY-c41d9';
const PARTNER_VISIBLE = 'PARTNER-VISIBLE-8be02';
const REVEAL_LATER = 'REVEAL-AFTER-BOTH-5f1a7';
const APOLOGY = 'APOLOGY-LETTER-93ac4';
const APOLOGY_FEEDBACK = 'FEEDBACK-ON-APOLOGY-2d0e';
const SHARED_FEEDBACK = 'FEEDBACK-SHARED-77c1';
const ZONE = 'America/New_York';

interface ResponseBody {
  id: string;
  authorId: string;
  status: string;
  answers: Record<string, { value?: unknown; visibility: string; withheld?: boolean }>;
  feedback: Array<{ id: string; body: string; authorName: string }>;
  releasedAt: string | null;
  reviewedAt: string | null;
}

describe('partner privacy: who sees which answer, through every endpoint', () => {
  let api: TestApi;
  let owner: DataSource;
  let clinicId: string;
  let library: InstalledLibrary;
  let couple: TestCouple;
  let therapistToken: string;
  let adminToken: string;
  let aToken: string;
  let bToken: string;
  let strangerToken: string;
  let foreignToken: string;
  /** Occurrences: speaking-from-i (each), daily check-in (each), apology letter (one, A). */
  let speaking: string;
  let checkIn: string;
  let apology: string;
  /** A's responses to them. */
  let speakingResponse: string;
  let checkInResponse: string;
  let apologyResponse: string;

  const filter = (value: Record<string, unknown>) =>
    `filter=${encodeURIComponent(JSON.stringify(value))}&range=[0,99]`;

  const occurrenceOf = async (key: string, body: Record<string, unknown>): Promise<string> => {
    const response = await api.request('POST', '/assignments', {
      token: therapistToken,
      body: {
        coupleId: couple.id,
        exerciseId: library.exercises.get(key)?.exerciseId,
        startDate: addDays(todayIn(ZONE), 1),
        recurrence: { kind: 'once' },
        dueTime: '20:00',
        ...body,
      },
    });
    if (response.status !== 201) throw new Error(`assign: ${await response.text()}`);
    const { id } = (await response.json()) as { id: string };
    const [row] = await asClinic<Array<{ id: string }>>(
      owner,
      clinicId,
      `SELECT id FROM occurrences WHERE assignment_id = $1`,
      [id],
    );
    if (!row) throw new Error('no occurrence');
    return row.id;
  };

  const submit = async (occurrenceId: string, answers: unknown, token: string) => {
    const response = await api.request('POST', `/occurrences/${occurrenceId}/responses`, {
      token,
      body: { answers },
    });
    if (response.status !== 201) throw new Error(`submit: ${await response.text()}`);
    return ((await response.json()) as ResponseBody).id;
  };

  /** Every way B can read responses, as raw bodies (with the Content-Range where there is one). */
  const everythingBSees = async (): Promise<string[]> => {
    const paths = [
      `/occurrences/${speaking}`,
      `/occurrences/${checkIn}`,
      `/occurrences/${apology}`,
      `/occurrences?${filter({ coupleId: couple.id })}`,
      `/responses`,
      `/responses?${filter({ coupleId: couple.id })}`,
      `/responses?${filter({ occurrenceId: [speaking, checkIn, apology] })}`,
      `/responses?${filter({ authorId: couple.partnerA.id })}`,
      `/responses?${filter({ reviewed: true })}`,
      `/responses?${filter({ reviewed: false })}`,
      `/responses?${filter({ submittedFrom: '2000-01-01T00:00:00Z', submittedTo: '2100-01-01T00:00:00Z' })}`,
      `/responses?${filter({ status: 'submitted' })}`,
      `/responses?${filter({ id: [speakingResponse, checkInResponse, apologyResponse] })}`,
      `/responses/${speakingResponse}`,
      `/responses/${checkInResponse}`,
      `/responses/${apologyResponse}`,
    ];
    return Promise.all(
      paths.map(async (path) => {
        const response = await api.request('GET', path, { token: bToken });
        return `${path} ${response.status} ${response.headers.get('content-range') ?? ''} ${await response.text()}`;
      }),
    );
  };

  const getAs = async (token: string, id: string) => {
    const response = await api.request('GET', `/responses/${id}`, { token });
    return { status: response.status, text: await response.text() };
  };

  const totalFor = async (token: string, value: Record<string, unknown>) => {
    const response = await api.request('GET', `/responses?${filter(value)}`, { token });
    return response.headers.get('content-range')?.split('/')[1];
  };

  beforeAll(async () => {
    owner = await ownerDataSource();
    const clinic = await newClinic(owner);
    clinicId = clinic.id;
    library = await withLibrary(owner, clinicId);
    const therapist = await newUser(owner, clinicId, 'therapist');
    const admin = await newUser(owner, clinicId, 'clinic_admin');
    const stranger = await newUser(owner, clinicId, 'therapist');
    couple = await newCouple(owner, clinicId, { therapistIds: [therapist.id], timeZone: ZONE });
    const foreignClinic = await newClinic(owner);
    const foreignTherapist = await newUser(owner, foreignClinic.id, 'therapist');
    api = await startTestApi();
    [therapistToken, adminToken, aToken, bToken, strangerToken, foreignToken] = await Promise.all(
      [therapist, admin, couple.partnerA, couple.partnerB, stranger, foreignTherapist].map((u) =>
        api.signIn(u),
      ),
    );

    speaking = await occurrenceOf('speaking-from-i', { completionMode: 'each' });
    checkIn = await occurrenceOf('daily-check-in', { completionMode: 'each' });
    apology = await occurrenceOf('sincere-apology-letter', {
      completionMode: 'one',
      assigneeId: couple.partnerA.id,
    });
    speakingResponse = await submit(
      speaking,
      {
        what_happened: { value: PARTNER_VISIBLE, visibility: 'partner' },
        feelings: { value: ['hurt'], visibility: 'partner' },
        message: {
          value: `${THERAPIST_ONLY}: something I am not ready to say to my partner yet.`,
          visibility: 'therapist',
        },
      },
      aToken,
    );
    checkInResponse = await submit(
      checkIn,
      {
        mood: { value: 6, visibility: 'partner' },
        connection: { value: 4, visibility: 'therapist' },
        one_thing: { value: REVEAL_LATER, visibility: 'reveal_after_both' },
      },
      aToken,
    );
    apologyResponse = await submit(
      apology,
      {
        letter: {
          value: `${APOLOGY} ${'I am sorry for what I did and for how much it hurt you. '.repeat(5)}`,
          visibility: 'partner',
        },
      },
      aToken,
    );
    // Feedback on a response B may see, and on one B may not see yet.
    for (const [id, body] of [
      [speakingResponse, SHARED_FEEDBACK],
      [apologyResponse, APOLOGY_FEEDBACK],
    ] as const) {
      const response = await api.request('POST', `/responses/${id}/feedback`, {
        token: therapistToken,
        body: { body },
      });
      if (response.status !== 201) throw new Error(`feedback: ${await response.text()}`);
    }
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  it('never shows B a therapist-only answer, an unreleased letter, or their feedback', async () => {
    const texts = await everythingBSees();
    // The reads work: B does get what is meant for B.
    expect(texts.filter((text) => text.includes(PARTNER_VISIBLE)).length).toBeGreaterThan(8);
    for (const text of texts) {
      expect(text).not.toContain(THERAPIST_ONLY);
      expect(text).not.toContain(APOLOGY);
      expect(text).not.toContain(APOLOGY_FEEDBACK);
      expect(text).not.toContain(REVEAL_LATER);
      expect(text).not.toMatch(/ 5\d\d /);
    }
  });

  it('shows B the partner-visible answers and the feedback on them', async () => {
    const { status, text } = await getAs(bToken, speakingResponse);
    expect(status).toBe(200);
    const response = JSON.parse(text) as ResponseBody;
    // Left out entirely: not a placeholder, not a count.
    expect(Object.keys(response.answers).sort()).toEqual(['feelings', 'what_happened']);
    expect(response.answers.what_happened?.value).toBe(PARTNER_VISIBLE);
    expect(text).not.toContain('withheld');
    expect(response.feedback.map((item) => item.body)).toEqual([SHARED_FEEDBACK]);
    const occurrence = await api.request('GET', `/occurrences/${speaking}`, { token: bToken });
    const body = await occurrence.text();
    expect(body).toContain(PARTNER_VISIBLE);
    expect(body).toContain(SHARED_FEEDBACK);
  });

  it('counts only what B may see in list totals', async () => {
    expect(await totalFor(bToken, { authorId: couple.partnerA.id })).toBe('2');
    expect(await totalFor(bToken, { coupleId: couple.id })).toBe('2');
    expect(await totalFor(bToken, { occurrenceId: apology })).toBe('0');
    expect(await totalFor(therapistToken, { authorId: couple.partnerA.id })).toBe('3');
    const apologyGet = await getAs(bToken, apologyResponse);
    expect(apologyGet.status).toBe(404);
  });

  it('reveals a reveal-after-both answer to B only once B has answered too', async () => {
    const before = JSON.parse((await getAs(bToken, checkInResponse)).text) as ResponseBody;
    expect(Object.keys(before.answers)).toEqual(['mood']);
    await submit(
      checkIn,
      {
        mood: { value: 5, visibility: 'partner' },
        connection: { value: 5, visibility: 'reveal_after_both' },
      },
      bToken,
    );
    const after = JSON.parse((await getAs(bToken, checkInResponse)).text) as ResponseBody;
    expect(Object.keys(after.answers).sort()).toEqual(['mood', 'one_thing']);
    expect(after.answers.one_thing?.value).toBe(REVEAL_LATER);
    // A's therapist-only answer stays hidden after B answers.
    expect(JSON.stringify(after)).not.toContain('"connection"');
    const listed = await api.request('GET', `/responses?${filter({ occurrenceId: checkIn })}`, {
      token: bToken,
    });
    expect(await listed.text()).toContain(REVEAL_LATER);
    // And A, who answered first, now sees B's reveal-after-both answer.
    const aView = await api.request('GET', `/occurrences/${checkIn}`, { token: aToken });
    const aBody = (await aView.json()) as { responses: ResponseBody[] };
    expect(aBody.responses.map((r) => Object.keys(r.answers).sort())).toEqual([
      ['connection', 'mood'],
    ]);
  });

  it('shows a reviewed exercise to B only after the therapist releases it', async () => {
    expect((await getAs(bToken, apologyResponse)).status).toBe(404);
    const released = await api.request('POST', `/responses/${apologyResponse}/release`, {
      token: therapistToken,
    });
    expect(released.status).toBe(200);
    expect(await released.json()).toMatchObject({ releasedAt: expect.any(String) as unknown });
    const { status, text } = await getAs(bToken, apologyResponse);
    expect(status).toBe(200);
    expect(text).toContain(APOLOGY);
    expect(text).toContain(APOLOGY_FEEDBACK);
    expect(await totalFor(bToken, { authorId: couple.partnerA.id })).toBe('3');
    const notNeeded = await api.request('POST', `/responses/${speakingResponse}/release`, {
      token: therapistToken,
    });
    expect(notNeeded.status).toBe(409);
  });

  it('shows the therapist every submitted answer', async () => {
    for (const id of [speakingResponse, checkInResponse, apologyResponse]) {
      expect((await getAs(therapistToken, id)).status).toBe(200);
    }
    expect((await getAs(therapistToken, speakingResponse)).text).toContain(THERAPIST_ONLY);
    const list = await api.request('GET', `/responses?${filter({ coupleId: couple.id })}`, {
      token: therapistToken,
    });
    const text = await list.text();
    for (const marker of [THERAPIST_ONLY, PARTNER_VISIBLE, REVEAL_LATER, APOLOGY]) {
      expect(text).toContain(marker);
    }
  });

  it('gives admins placeholders for therapist-only answers unless the clinic grants access', async () => {
    const withheld = await getAs(adminToken, speakingResponse);
    expect(withheld.status).toBe(200);
    expect(withheld.text).not.toContain(THERAPIST_ONLY);
    expect((JSON.parse(withheld.text) as ResponseBody).answers.message).toEqual({
      withheld: true,
      visibility: 'therapist',
    });
    expect(withheld.text).toContain(PARTNER_VISIBLE);
    const list = await api.request('GET', `/responses?${filter({ coupleId: couple.id })}`, {
      token: adminToken,
    });
    expect(await list.text()).not.toContain(THERAPIST_ONLY);
    const privateReads = () =>
      asClinic<Array<{ n: string }>>(
        owner,
        clinicId,
        `SELECT count(*) AS n FROM audit_events
          WHERE clinic_id = $1 AND action = 'response.private_read'`,
        [clinicId],
      );
    expect(Number((await privateReads())[0]?.n)).toBe(0);

    await setAdminReadsPrivateAnswers(owner, clinicId, true);
    try {
      const granted = await getAs(adminToken, speakingResponse);
      expect(granted.text).toContain(THERAPIST_ONLY);
      const [audit] = await asClinic<Array<{ detail: { ids: string[] } }>>(
        owner,
        clinicId,
        `SELECT detail FROM audit_events
          WHERE clinic_id = $1 AND action = 'response.private_read'`,
        [clinicId],
      );
      expect(audit?.detail.ids).toEqual([speakingResponse]);
    } finally {
      await setAdminReadsPrivateAnswers(owner, clinicId, false);
    }
  });

  it('audits reads with ids and never answer text', async () => {
    await getAs(bToken, speakingResponse);
    const rows = await asClinic<Array<{ action: string; detail: unknown; record_id: string }>>(
      owner,
      clinicId,
      `SELECT action, detail, record_id FROM audit_events
        WHERE clinic_id = $1 AND actor_user_id = $2 AND action = 'response.read'`,
      [clinicId, couple.partnerB.id],
    );
    expect(rows.map((row) => row.record_id)).toContain(speakingResponse);
    const everything = await asClinic<Array<{ detail: unknown }>>(
      owner,
      clinicId,
      `SELECT detail FROM audit_events WHERE clinic_id = $1`,
      [clinicId],
    );
    const text = JSON.stringify(everything);
    for (const marker of [
      THERAPIST_ONLY,
      PARTNER_VISIBLE,
      REVEAL_LATER,
      APOLOGY,
      SHARED_FEEDBACK,
    ]) {
      expect(text).not.toContain(marker);
    }
  });

  describe('review endpoints: who may, and bad input', () => {
    const feedbackCount = async () =>
      Number(
        (
          await asClinic<Array<{ n: string }>>(
            owner,
            clinicId,
            `SELECT count(*) AS n FROM response_feedback WHERE clinic_id = $1`,
            [clinicId],
          )
        )[0]?.n,
      );

    it('lets only the couple’s therapist give feedback, review and release', async () => {
      const before = await feedbackCount();
      for (const token of [aToken, bToken, adminToken]) {
        for (const action of ['feedback', 'review', 'release']) {
          const response = await api.request('POST', `/responses/${speakingResponse}/${action}`, {
            token,
            body: action === 'feedback' ? { body: 'Nice work.' } : undefined,
          });
          expect([token === adminToken ? 'admin' : 'client', action, response.status]).toEqual([
            token === adminToken ? 'admin' : 'client',
            action,
            403,
          ]);
        }
      }
      for (const token of [strangerToken, foreignToken]) {
        for (const action of ['feedback', 'review', 'release']) {
          const response = await api.request('POST', `/responses/${speakingResponse}/${action}`, {
            token,
            body: action === 'feedback' ? { body: 'Nice work.' } : undefined,
          });
          expect(response.status).toBe(404);
        }
        expect((await getAs(token, speakingResponse)).status).toBe(404);
        const list = await api.request('GET', `/responses?${filter({ coupleId: couple.id })}`, {
          token,
        });
        expect(await list.json()).toEqual([]);
      }
      expect(await feedbackCount()).toBe(before);
    });

    it('marks a response reviewed, and filters by it', async () => {
      const reviewed = await api.request('POST', `/responses/${speakingResponse}/review`, {
        token: therapistToken,
      });
      expect(reviewed.status).toBe(200);
      expect(await reviewed.json()).toMatchObject({ reviewedAt: expect.any(String) as unknown });
      const list = await api.request(
        'GET',
        `/responses?${filter({ reviewed: false, coupleId: couple.id })}`,
        {
          token: therapistToken,
        },
      );
      const ids = ((await list.json()) as ResponseBody[]).map((row) => row.id);
      expect(ids).not.toContain(speakingResponse);
      expect(ids).toContain(checkInResponse);
    });

    it('names bad list filters and ids', async () => {
      const list = await api.request(
        'GET',
        `/responses?filter=${encodeURIComponent(JSON.stringify({ reviewed: 'yes' }))}`,
        { token: therapistToken },
      );
      expect(list.status).toBe(400);
      expect(
        Object.keys(((await list.json()) as { fields: Record<string, string> }).fields),
      ).toEqual(['filter.reviewed']);
      for (const path of ['/responses/not-an-id', '/occurrences/not-an-id']) {
        expect((await api.request('GET', path, { token: bToken })).status).toBe(400);
      }
      const confirm = await api.request('POST', '/responses/not-an-id/confirm', { token: bToken });
      expect(confirm.status).toBe(400);
    });

    it('names a bad feedback body and writes nothing', async () => {
      const before = await feedbackCount();
      for (const body of [
        { body: '' },
        { body: 'x'.repeat(4001) },
        {},
        { body: 'ok', private: true },
      ]) {
        const response = await api.request('POST', `/responses/${speakingResponse}/feedback`, {
          token: therapistToken,
          body,
        });
        expect(response.status).toBe(400);
        const { fields } = (await response.json()) as { fields: Record<string, string> };
        expect(Object.keys(fields).length).toBeGreaterThan(0);
        expect(Object.keys(fields).every((key) => key === 'body' || key === 'private')).toBe(true);
      }
      expect(await feedbackCount()).toBe(before);
    });
  });
});
