import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  newClinic,
  newUser,
  ownerDataSource,
  linkTokenFrom,
  startMailSink,
  withLibrary,
  type MailSink,
  type TestUser,
} from '@mend/server-testing';
import { startTestApi, type TestApi } from './testing/test-api';

interface Prompt {
  id: string;
  kind: string;
  options?: Array<{ value: string }>;
  minLength?: number;
}
interface OccurrenceRow {
  id: string;
  dueAt: string;
}
interface OccurrenceDetail {
  id: string;
  definition: { prompts: Prompt[]; visibilityOptions: string[] };
}

const PASSWORD = 'harbor lights at dusk';

/** A valid answer for any prompt kind, carrying `marker` in text answers. */
function answerFor(prompt: Prompt, marker: string): unknown {
  switch (prompt.kind) {
    case 'long_text':
    case 'short_text':
      return `${marker} — written for the journey test`.padEnd(prompt.minLength ?? 0, '.');
    case 'scale':
      return 7;
    case 'single_choice':
      return prompt.options?.[0]?.value;
    case 'multiple_choice':
    case 'checklist':
      return [prompt.options?.[0]?.value];
    case 'date':
      return '2026-11-22';
    case 'yes_no':
      return true;
    default:
      throw new Error(`unknown prompt kind ${prompt.kind}`);
  }
}

/**
 * The whole clinical journey through the API, as PRODUCT.md tells it: a therapist creates a
 * couple, both partners join and accept the privacy note, the therapist assigns a program, the
 * partners answer with different visibilities, and the therapist reviews, gives feedback and
 * sees progress.
 */
describe('the clinical journey, end to end through the API (real PostgreSQL and SMTP)', () => {
  let api: TestApi;
  let sink: MailSink;
  let owner: DataSource;
  let therapist: TestUser;

  beforeAll(async () => {
    sink = await startMailSink();
    owner = await ownerDataSource();
    const clinic = await newClinic(owner);
    therapist = await newUser(owner, clinic.id, 'therapist');
    await withLibrary(owner, clinic.id);
    api = await startTestApi({ SMTP_URL: sink.smtpUrl });
  });

  afterAll(async () => {
    await api.close();
    await sink.stop();
    await owner.destroy();
  });

  it('runs from a new couple to reviewed answers and progress', async () => {
    const therapistToken = await api.signIn(therapist);
    const emails = [
      `robin-${randomUUID().slice(0, 6)}@example.test`,
      `kai-${randomUUID().slice(0, 6)}@example.test`,
    ];
    const created = await api.request('POST', '/couples', {
      token: therapistToken,
      body: {
        partnerA: { displayName: 'Robin Hale', email: emails[0], timeZone: 'America/New_York' },
        partnerB: { displayName: 'Kai Hale', email: emails[1], timeZone: 'America/New_York' },
      },
    });
    expect(created.status).toBe(201);
    const couple = (await created.json()) as { id: string };

    const tokens: string[] = [];
    for (const email of emails) {
      const mail = await sink.waitForMessage((m) => m.to.includes(email));
      const accepted = await api.request('POST', '/auth/invitations/accept', {
        body: { token: linkTokenFrom(mail.text), password: PASSWORD },
      });
      expect(accepted.status).toBe(204);
      const token = await api.signIn({ email, password: PASSWORD });
      expect(
        (await api.request('POST', `/couples/${couple.id}/acknowledge-policy`, { token })).status,
      ).toBe(200);
      tokens.push(token);
    }
    const [robin = '', kai = ''] = tokens;
    const active = (await (
      await api.request('GET', `/couples/${couple.id}`, { token: therapistToken })
    ).json()) as { status: string; partners: Array<{ id: string; seat: string }> };
    expect(active.status).toBe('active');

    const programs = (await (
      await api.request('GET', '/programs', { token: therapistToken })
    ).json()) as Array<{ id: string; title: string }>;
    expect(programs.length).toBeGreaterThanOrEqual(2);
    const assigned = await api.request('POST', '/assignments', {
      token: therapistToken,
      body: {
        coupleId: couple.id,
        programId: programs.find((program) => /trust/i.test(program.title))?.id,
        assigneeId: active.partners.find((p) => p.seat === 'a')?.id,
        startDate: new Date().toISOString().slice(0, 10),
        dueTime: '20:00',
      },
    });
    expect(assigned.status).toBe(201);
    expect(
      ((await assigned.json()) as { assignmentIds: string[] }).assignmentIds.length,
    ).toBeGreaterThan(1);

    // Robin answers the first exercise due to both: one answer for the therapist only, the
    // rest shared with Kai.
    const mine = (await (
      await api.request(
        'GET',
        `/occurrences?sort=${encodeURIComponent('["dueAt","ASC"]')}&filter=${encodeURIComponent('{"mine":true}')}`,
        { token: robin },
      )
    ).json()) as OccurrenceRow[];
    let answered: { occurrenceId: string; privatePrompt: string } | null = null;
    for (const row of mine) {
      const detail = (await (
        await api.request('GET', `/occurrences/${row.id}`, { token: robin })
      ).json()) as OccurrenceDetail;
      const options = detail.definition.visibilityOptions;
      const prompts = detail.definition.prompts;
      const texts = prompts.filter((prompt) => prompt.kind.endsWith('_text'));
      if (!options.includes('therapist') || !options.includes('partner') || texts.length < 2) {
        continue;
      }
      const kaiSees = (await api.request('GET', `/occurrences/${row.id}`, { token: kai })).status;
      if (kaiSees !== 200) continue;
      const privatePrompt = texts[0]?.id;
      const answers = Object.fromEntries(
        prompts.map((prompt) => {
          const isPrivate = prompt.id === privatePrompt;
          return [
            prompt.id,
            {
              value: answerFor(prompt, isPrivate ? 'PRIVATE-MARKER' : 'SHARED-MARKER'),
              visibility: isPrivate ? 'therapist' : 'partner',
            },
          ];
        }),
      );
      const submitted = await api.request('POST', `/occurrences/${row.id}/responses`, {
        token: robin,
        body: { answers },
      });
      expect(submitted.status).toBe(201);
      answered = { occurrenceId: row.id, privatePrompt: privatePrompt ?? '' };
      break;
    }
    expect(answered).not.toBeNull();

    // Kai sees the shared answers, never the private one.
    const kaiView = await (
      await api.request(
        'GET',
        `/responses?filter=${encodeURIComponent(JSON.stringify({ occurrenceId: answered?.occurrenceId }))}`,
        { token: kai },
      )
    ).text();
    expect(kaiView).toContain('SHARED-MARKER');
    expect(kaiView).not.toContain('PRIVATE-MARKER');

    // The therapist sees everything, gives feedback and marks it reviewed.
    const [response] = (await (
      await api.request(
        'GET',
        `/responses?filter=${encodeURIComponent(JSON.stringify({ occurrenceId: answered?.occurrenceId }))}`,
        { token: therapistToken },
      )
    ).json()) as Array<{ id: string; answers: Record<string, { value: unknown }> }>;
    expect(JSON.stringify(response?.answers)).toContain('PRIVATE-MARKER');
    const feedback = await api.request('POST', `/responses/${response?.id}/feedback`, {
      token: therapistToken,
      body: { body: 'Thank you for writing this so honestly, Robin.' },
    });
    expect(feedback.status).toBe(201);
    expect(
      (await api.request('POST', `/responses/${response?.id}/review`, { token: therapistToken }))
        .status,
    ).toBeLessThan(300);
    const robinView = await (
      await api.request('GET', `/responses/${response?.id}`, { token: robin })
    ).text();
    expect(robinView).toContain('so honestly');

    // Progress and the caseload reflect it.
    const progress = await api.request('GET', `/couples/${couple.id}/progress`, {
      token: therapistToken,
    });
    expect(progress.status).toBe(200);
    const caseload = (await (
      await api.request('GET', '/caseload', { token: therapistToken })
    ).json()) as Array<{ id: string }>;
    expect(caseload.map((row) => row.id)).toContain(couple.id);
    const timeline = (await (
      await api.request('GET', `/couples/${couple.id}/timeline`, { token: therapistToken })
    ).json()) as Array<{ kind: string }>;
    expect(timeline.map((event) => event.kind)).toEqual(
      expect.arrayContaining(['assignment_created', 'response_submitted', 'feedback_given']),
    );
  });
});
