import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  linkTokenFrom,
  startMailSink,
  type MailSink,
  type TestCouple,
  type TestUser,
} from '@mend/server-testing';
import { startTestApi, type TestApi } from './testing/test-api';

interface PartnerBody {
  id: string;
  seat: string;
  displayName: string;
  status: string;
  policyAcknowledged: boolean;
}

interface CoupleBody {
  id: string;
  label: string;
  status: string;
  timeZone: string;
  partners: PartnerBody[];
  therapists: Array<{ id: string; displayName: string }>;
  closedAt: string | null;
  jointWorkPaused?: boolean;
  closingNote?: string | null;
  policyAcknowledged?: boolean;
  invitationsSent?: boolean;
}

interface ErrorBody {
  message: string;
  fields?: Record<string, string>;
}

const POLICY = 'Your therapist may bring up private answers only with your agreement.';

function partner(name: string, overrides: Record<string, unknown> = {}) {
  return {
    displayName: name,
    email: `${name.split(' ')[0]?.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`,
    timeZone: 'America/New_York',
    ...overrides,
  };
}

describe('couples (real PostgreSQL and SMTP)', () => {
  let api: TestApi;
  let sink: MailSink;
  let owner: DataSource;
  let clinicId: string;
  let admin: TestUser;
  let therapist: TestUser;
  let colleague: TestUser;
  let otherAdmin: TestUser;
  let adminToken: string;
  let therapistToken: string;
  let colleagueToken: string;
  let otherAdminToken: string;
  /** A couple of `therapist`'s, made by the factory. */
  let mine: TestCouple;
  /** A couple of `colleague`'s only. */
  let theirs: TestCouple;

  const countUsersByEmail = async (emails: string[]) => {
    const [row] = await asClinic<Array<{ count: string }>>(
      owner,
      clinicId,
      'SELECT count(*) AS count FROM users WHERE email = ANY($1)',
      [emails.map((email) => email.toLowerCase())],
    );
    return Number(row?.count);
  };
  const countCouples = async () => {
    const [row] = await asClinic<Array<{ count: string }>>(
      owner,
      clinicId,
      'SELECT count(*) AS count FROM couples',
      [],
    );
    return Number(row?.count);
  };
  const read = async <T>(response: Response): Promise<T> => (await response.json()) as T;

  beforeAll(async () => {
    sink = await startMailSink();
    owner = await ownerDataSource();
    const clinic = await newClinic(owner);
    clinicId = clinic.id;
    await asClinic(owner, clinicId, 'UPDATE clinics SET secrets_policy = $1 WHERE id = $2', [
      POLICY,
      clinicId,
    ]);
    admin = await newUser(owner, clinicId, 'clinic_admin');
    therapist = await newUser(owner, clinicId, 'therapist');
    colleague = await newUser(owner, clinicId, 'therapist');
    mine = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
    theirs = await newCouple(owner, clinicId, { therapistIds: [colleague.id] });
    const other = await newClinic(owner);
    otherAdmin = await newUser(owner, other.id, 'clinic_admin');
    api = await startTestApi({ SMTP_URL: sink.smtpUrl });
    [adminToken, therapistToken, colleagueToken, otherAdminToken] = await Promise.all([
      api.signIn(admin),
      api.signIn(therapist),
      api.signIn(colleague),
      api.signIn(otherAdmin),
    ]);
  });

  afterAll(async () => {
    await api.close();
    await sink.stop();
    await owner.destroy();
  });

  describe('creating a couple', () => {
    it('invites both partners by email; once both join and accept the policy it is active', async () => {
      const a = partner('Alex Rivera', { timeZone: 'Europe/Madrid', locale: 'es' });
      const b = partner('Sam Lee');
      const created = await api.request('POST', '/couples', {
        token: therapistToken,
        body: { partnerA: a, partnerB: b },
      });
      expect(created.status).toBe(201);
      const couple = await read<CoupleBody>(created);
      expect(couple).toMatchObject({
        label: 'Alex & Sam',
        status: 'invited',
        timeZone: 'Europe/Madrid',
        jointWorkPaused: false,
        invitationsSent: true,
        therapists: [{ id: therapist.id }],
      });
      expect(
        couple.partners.map((p) => [p.seat, p.displayName, p.status, p.policyAcknowledged]),
      ).toEqual([
        ['a', 'Alex Rivera', 'invited', false],
        ['b', 'Sam Lee', 'invited', false],
      ]);
      const [users] = [
        await asClinic<Array<{ role: string; locale: string; time_zone: string }>>(
          owner,
          clinicId,
          'SELECT role, locale, time_zone FROM users WHERE email = $1',
          [a.email.toLowerCase()],
        ),
      ];
      expect(users).toEqual([{ role: 'client', locale: 'es', time_zone: 'Europe/Madrid' }]);

      const tokens: string[] = [];
      for (const person of [a, b]) {
        const mail = await sink.waitForMessage((m) => m.to.includes(person.email.toLowerCase()));
        const token = linkTokenFrom(mail.text);
        tokens.push(token);
        const accepted = await api.request('POST', '/auth/invitations/accept', {
          body: { token, password: 'harbor lights at dusk' },
        });
        expect(accepted.status).toBe(204);
      }
      const tokenA = await api.signIn({ email: a.email, password: 'harbor lights at dusk' });
      const tokenB = await api.signIn({ email: b.email, password: 'harbor lights at dusk' });

      const seenByA = await read<CoupleBody>(
        await api.request('GET', `/couples/${couple.id}`, { token: tokenA }),
      );
      expect(seenByA.policyAcknowledged).toBe(false);
      expect(seenByA).not.toHaveProperty('jointWorkPaused');

      const acknowledged = await api.request('POST', `/couples/${couple.id}/acknowledge-policy`, {
        token: tokenA,
      });
      expect(acknowledged.status).toBe(200);
      const ack = await read<{ acknowledgedAt: string; policyText: string; policyVersion: string }>(
        acknowledged,
      );
      expect(ack.policyText).toBe(POLICY);
      expect(ack.policyVersion).toBe(createHash('sha256').update(POLICY).digest('hex'));
      const again = await read<{ acknowledgedAt: string }>(
        await api.request('POST', `/couples/${couple.id}/acknowledge-policy`, { token: tokenA }),
      );
      expect(again.acknowledgedAt).toBe(ack.acknowledgedAt);

      const halfway = await read<CoupleBody>(
        await api.request('GET', `/couples/${couple.id}`, { token: therapistToken }),
      );
      expect(halfway.status).toBe('invited');
      expect(halfway.partners.map((p) => [p.status, p.policyAcknowledged])).toEqual([
        ['active', true],
        ['active', false],
      ]);

      expect(
        (await api.request('POST', `/couples/${couple.id}/acknowledge-policy`, { token: tokenB }))
          .status,
      ).toBe(200);
      const active = await read<CoupleBody>(
        await api.request('GET', `/couples/${couple.id}`, { token: tokenB }),
      );
      expect(active.status).toBe('active');
      expect(active.policyAcknowledged).toBe(true);
    });

    it('requires an admin to name at least one active therapist of the clinic', async () => {
      const a = partner('Robin Hale');
      const b = partner('Kim Hale');
      const before = await countCouples();
      for (const therapistIds of [undefined, [admin.id], [otherAdmin.id], [randomUUID()]]) {
        const refused = await api.request('POST', '/couples', {
          token: adminToken,
          body: { partnerA: a, partnerB: b, ...(therapistIds ? { therapistIds } : {}) },
        });
        expect(refused.status).toBe(400);
        expect((await read<ErrorBody>(refused)).fields).toHaveProperty('therapistIds');
      }
      expect(await countCouples()).toBe(before);
      expect(await countUsersByEmail([a.email, b.email])).toBe(0);

      const created = await api.request('POST', '/couples', {
        token: adminToken,
        body: { partnerA: a, partnerB: b, therapistIds: [colleague.id], label: 'The Hales' },
      });
      expect(created.status).toBe(201);
      expect(await read<CoupleBody>(created)).toMatchObject({
        label: 'The Hales',
        therapists: [{ id: colleague.id }],
      });
    });

    it('refuses an email already used in the clinic with 409 naming the field', async () => {
      const before = await countCouples();
      const a = partner('Jo March');
      const response = await api.request('POST', '/couples', {
        token: therapistToken,
        body: { partnerA: a, partnerB: partner('Meg March', { email: colleague.email }) },
      });
      expect(response.status).toBe(409);
      expect((await read<ErrorBody>(response)).fields).toEqual({
        'partnerB.email': 'already in use in this clinic',
      });
      expect(await countCouples()).toBe(before);
      expect(await countUsersByEmail([a.email])).toBe(0);
    });

    it('names every bad or unknown field and writes nothing', async () => {
      const before = await countCouples();
      const a = partner('Lee Park', { timeZone: 'Mars/Olympus', locale: 'fr', role: 'admin' });
      const response = await api.request('POST', '/couples', {
        token: therapistToken,
        body: { partnerA: a, partnerB: partner('Ann Park', { email: 'nope' }), status: 'active' },
      });
      expect(response.status).toBe(400);
      expect(Object.keys((await read<ErrorBody>(response)).fields ?? {}).sort()).toEqual([
        'partnerA.locale',
        'partnerA.role',
        'partnerA.timeZone',
        'partnerB.email',
        'status',
      ]);
      const same = partner('Twin One');
      const twins = await api.request('POST', '/couples', {
        token: therapistToken,
        body: { partnerA: same, partnerB: { ...partner('Twin Two'), email: same.email } },
      });
      expect(twins.status).toBe(400);
      expect((await read<ErrorBody>(twins)).fields).toHaveProperty(['partnerB.email']);
      const missing = await api.request('POST', '/couples', {
        token: therapistToken,
        body: { partnerA: same },
      });
      expect(missing.status).toBe(400);
      expect((await read<ErrorBody>(missing)).fields).toHaveProperty('partnerB');
      expect(await countCouples()).toBe(before);
      expect(await countUsersByEmail([a.email as string, same.email])).toBe(0);
    });

    it('refuses clients (403)', async () => {
      const clientToken = await api.signIn(mine.partnerA);
      const response = await api.request('POST', '/couples', {
        token: clientToken,
        body: { partnerA: partner('Ada Byron'), partnerB: partner('Ben Byron') },
      });
      expect(response.status).toBe(403);
    });
  });

  describe('who sees which couple', () => {
    it('shows a therapist their couples only; another therapist’s couple is 404', async () => {
      const own = await api.request('GET', `/couples/${mine.id}`, { token: therapistToken });
      expect(own.status).toBe(200);
      expect(await read<CoupleBody>(own)).toMatchObject({ id: mine.id, jointWorkPaused: false });
      expect(
        (await api.request('GET', `/couples/${theirs.id}`, { token: therapistToken })).status,
      ).toBe(404);
      const list = await api.request('GET', '/couples?range=[0,99]', { token: therapistToken });
      const ids = (await read<CoupleBody[]>(list)).map((c) => c.id);
      expect(ids).toContain(mine.id);
      expect(ids).not.toContain(theirs.id);
    });

    it('shows a client their own couple only, and nothing about safety', async () => {
      const clientToken = await api.signIn(mine.partnerB);
      const list = await api.request('GET', '/couples', { token: clientToken });
      expect(list.status).toBe(200);
      expect(list.headers.get('content-range')).toBe('couples 0-0/1');
      const [own] = await read<CoupleBody[]>(list);
      expect(own?.id).toBe(mine.id);
      expect(own).not.toHaveProperty('jointWorkPaused');
      expect(JSON.stringify(own)).not.toMatch(/safety/i);
      expect(own?.policyAcknowledged).toBe(true);
      expect(
        (await api.request('GET', `/couples/${theirs.id}`, { token: clientToken })).status,
      ).toBe(404);
    });

    it('shows an admin every couple, with filters and Content-Range', async () => {
      const response = await api.request(
        'GET',
        `/couples?filter=${encodeURIComponent(JSON.stringify({ therapistId: colleague.id, id: [mine.id, theirs.id] }))}`,
        { token: adminToken },
      );
      expect(response.status).toBe(200);
      expect((await read<CoupleBody[]>(response)).map((c) => c.id)).toEqual([theirs.id]);
      expect(response.headers.get('content-range')).toBe('couples 0-0/1');
      const label = (
        await read<CoupleBody>(
          await api.request('GET', `/couples/${mine.id}`, { token: adminToken }),
        )
      ).label;
      const byLabel = await api.request(
        'GET',
        `/couples?filter=${encodeURIComponent(JSON.stringify({ q: label.toUpperCase(), status: 'active' }))}`,
        { token: adminToken },
      );
      expect((await read<CoupleBody[]>(byLabel)).map((c) => c.id)).toEqual([mine.id]);
      const bad = await api.request('GET', '/couples?filter={"safety":true}', {
        token: adminToken,
      });
      expect(bad.status).toBe(400);
      expect((await read<ErrorBody>(bad)).fields).toHaveProperty('filter');
    });

    it('answers 404 to another clinic for every couple endpoint, and changes nothing', async () => {
      const token = otherAdminToken;
      expect((await api.request('GET', `/couples/${mine.id}`, { token })).status).toBe(404);
      expect(
        (await api.request('PUT', `/couples/${mine.id}`, { token, body: { label: 'Taken' } }))
          .status,
      ).toBe(404);
      expect(
        (
          await api.request('PUT', `/couples/${mine.id}/therapists`, {
            token,
            body: { therapistIds: [therapist.id] },
          })
        ).status,
      ).toBe(404);
      expect(
        (await api.request('GET', `/couples/${mine.id}/promise-trend`, { token })).status,
      ).toBe(404);
      const list = await api.request('GET', `/couples?filter={"id":"${mine.id}"}`, { token });
      expect(await read<CoupleBody[]>(list)).toEqual([]);
      const [row] = await asClinic<Array<{ label: string }>>(
        owner,
        clinicId,
        'SELECT label FROM couples WHERE id = $1',
        [mine.id],
      );
      expect(row?.label).not.toBe('Taken');
    });

    it('writes an audit row for each read', async () => {
      await api.request('GET', `/couples/${mine.id}`, { token: colleagueToken });
      await api.request('GET', `/couples/${theirs.id}`, { token: colleagueToken });
      const rows = await asClinic<Array<{ action: string; record_id: string }>>(
        owner,
        clinicId,
        `SELECT action, record_id FROM audit_events WHERE actor_user_id = $1 AND action = 'couple.read'`,
        [colleague.id],
      );
      expect(rows).toEqual([{ action: 'couple.read', record_id: theirs.id }]);
    });
  });

  describe('changing a couple', () => {
    it('pauses, resumes and closes; refuses other moves naming status', async () => {
      const couple = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
      const put = (body: unknown, token = therapistToken) =>
        api.request('PUT', `/couples/${couple.id}`, { token, body });
      expect(await read<CoupleBody>(await put({ status: 'paused' }))).toMatchObject({
        status: 'paused',
      });
      expect(
        await read<CoupleBody>(await put({ status: 'active', label: 'Renamed' })),
      ).toMatchObject({ status: 'active', label: 'Renamed' });
      const backToInvited = await put({ status: 'invited' });
      expect(backToInvited.status).toBe(400);
      expect((await read<ErrorBody>(backToInvited)).fields).toHaveProperty('status');
      const closed = await read<CoupleBody>(await put({ status: 'closed' }, adminToken));
      expect(closed.status).toBe('closed');
      expect(closed.closedAt).toEqual(expect.any(String));
      const toPaused = await put({ status: 'paused' });
      expect(toPaused.status).toBe(400);
      expect((await read<ErrorBody>(toPaused)).fields).toHaveProperty('status');
      const [row] = await asClinic<Array<{ status: string; label: string }>>(
        owner,
        clinicId,
        'SELECT status, label FROM couples WHERE id = $1',
        [couple.id],
      );
      expect(row).toEqual({ status: 'closed', label: 'Renamed' });
    });

    it('closes with a note staff read and clients never see; closed couples are found and reopened', async () => {
      const couple = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
      const note = 'Goals met; they will write if they want a check-in session.';
      const put = (body: unknown, token = therapistToken) =>
        api.request('PUT', `/couples/${couple.id}`, { token, body });

      const noteAlone = await put({ closingNote: note });
      expect(noteAlone.status).toBe(400);
      expect((await read<ErrorBody>(noteAlone)).fields).toHaveProperty('closingNote');
      const tooLong = await put({ status: 'closed', closingNote: 'x'.repeat(4001) });
      expect(tooLong.status).toBe(400);
      expect((await read<ErrorBody>(tooLong)).fields).toHaveProperty('closingNote');

      const closed = await read<CoupleBody>(await put({ status: 'closed', closingNote: note }));
      expect(closed).toMatchObject({ status: 'closed', closingNote: note });
      expect(closed.closedAt).toEqual(expect.any(String));
      const noteAgain = await put({ status: 'closed', closingNote: 'changed my mind' });
      expect(noteAgain.status).toBe(400);

      // Still readable by staff and by the partners (without the note).
      const byAdmin = await read<CoupleBody>(
        await api.request('GET', `/couples/${couple.id}`, { token: adminToken }),
      );
      expect(byAdmin.closingNote).toBe(note);
      const partnerToken = await api.signIn(couple.partnerA);
      const byPartner = await api.request('GET', `/couples/${couple.id}`, { token: partnerToken });
      expect(byPartner.status).toBe(200);
      const partnerText = await byPartner.text();
      expect(JSON.parse(partnerText)).toMatchObject({ status: 'closed' });
      expect(partnerText).not.toContain('Goals met');
      expect(partnerText).not.toContain('closingNote');

      const closedList = await read<CoupleBody[]>(
        await api.request('GET', `/couples?filter=${encodeURIComponent('{"status":"closed"}')}`, {
          token: therapistToken,
        }),
      );
      expect(closedList.map((c) => c.id)).toContain(couple.id);
      expect(closedList.every((c) => c.status === 'closed')).toBe(true);

      const reopened = await read<CoupleBody>(await put({ status: 'active' }));
      expect(reopened).toMatchObject({ status: 'active', closedAt: null, closingNote: null });
      const audit = await asClinic<Array<{ detail: Record<string, unknown> }>>(
        owner,
        clinicId,
        `SELECT detail FROM audit_events WHERE record_id = $1 AND action = 'couple.updated'
          ORDER BY occurred_at, id`,
        [couple.id],
      );
      expect(audit.map((row) => row.detail)).toEqual([
        { fields: ['status'], from: 'active', to: 'closed', closingNote: true },
        { fields: ['status'], from: 'closed', to: 'active' },
      ]);
      expect(JSON.stringify(audit)).not.toContain('Goals met');
    });

    it('reopens a couple whose partner never joined as invited, not active', async () => {
      const couple = await newCouple(owner, clinicId, {
        therapistIds: [therapist.id],
        status: 'closed',
        acknowledged: false,
      });
      const reopened = await api.request('PUT', `/couples/${couple.id}`, {
        token: adminToken,
        body: { status: 'active' },
      });
      expect(reopened.status).toBe(200);
      expect(await read<CoupleBody>(reopened)).toMatchObject({ status: 'invited', closedAt: null });
    });

    it('does not let staff make an invited couple active by hand', async () => {
      const couple = await newCouple(owner, clinicId, {
        therapistIds: [therapist.id],
        status: 'invited',
      });
      const response = await api.request('PUT', `/couples/${couple.id}`, {
        token: therapistToken,
        body: { status: 'active' },
      });
      expect(response.status).toBe(400);
      expect((await read<ErrorBody>(response)).fields).toHaveProperty('status');
    });

    it('rejects unknown fields and bad values, refuses clients and other therapists', async () => {
      const unknown = await api.request('PUT', `/couples/${mine.id}`, {
        token: therapistToken,
        body: { label: '', timeZone: 'UTC', safetyPausedAt: null },
      });
      expect(unknown.status).toBe(400);
      expect(Object.keys((await read<ErrorBody>(unknown)).fields ?? {}).sort()).toEqual([
        'label',
        'safetyPausedAt',
        'timeZone',
      ]);
      const clientToken = await api.signIn(mine.partnerA);
      expect(
        (
          await api.request('PUT', `/couples/${mine.id}`, {
            token: clientToken,
            body: { status: 'closed' },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await api.request('PUT', `/couples/${mine.id}`, {
            token: colleagueToken,
            body: { status: 'closed' },
          })
        ).status,
      ).toBe(404);
      const [row] = await asClinic<Array<{ status: string; time_zone: string }>>(
        owner,
        clinicId,
        'SELECT status, time_zone FROM couples WHERE id = $1',
        [mine.id],
      );
      expect(row).toEqual({ status: 'active', time_zone: mine.timeZone });
    });
  });

  describe('reassigning therapists', () => {
    it('lets an admin replace the therapists; the old therapist loses the couple', async () => {
      const couple = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
      const response = await api.request('PUT', `/couples/${couple.id}/therapists`, {
        token: adminToken,
        body: { therapistIds: [colleague.id] },
      });
      expect(response.status).toBe(200);
      expect((await read<CoupleBody>(response)).therapists.map((t) => t.id)).toEqual([
        colleague.id,
      ]);
      expect(
        (await api.request('GET', `/couples/${couple.id}`, { token: therapistToken })).status,
      ).toBe(404);
      expect(
        (await api.request('GET', `/couples/${couple.id}`, { token: colleagueToken })).status,
      ).toBe(200);
      const [audit] = await asClinic<Array<{ detail: { added: string[]; removed: string[] } }>>(
        owner,
        clinicId,
        `SELECT detail FROM audit_events WHERE action = 'couple.therapists_reassigned' AND record_id = $1`,
        [couple.id],
      );
      expect(audit?.detail).toEqual({ added: [colleague.id], removed: [therapist.id] });
    });

    it('refuses therapists and clients (403) and bad therapist lists (400), changing nothing', async () => {
      const body = { therapistIds: [colleague.id] };
      expect(
        (
          await api.request('PUT', `/couples/${mine.id}/therapists`, {
            token: therapistToken,
            body,
          })
        ).status,
      ).toBe(403);
      const clientToken = await api.signIn(mine.partnerA);
      expect(
        (await api.request('PUT', `/couples/${mine.id}/therapists`, { token: clientToken, body }))
          .status,
      ).toBe(403);
      for (const therapistIds of [[], [admin.id], ['not-a-uuid'], [colleague.id, colleague.id]]) {
        const bad = await api.request('PUT', `/couples/${mine.id}/therapists`, {
          token: adminToken,
          body: { therapistIds },
        });
        expect(bad.status).toBe(400);
        expect((await read<ErrorBody>(bad)).fields).toHaveProperty('therapistIds');
      }
      const rows = await asClinic<Array<{ therapist_user_id: string }>>(
        owner,
        clinicId,
        'SELECT therapist_user_id FROM couple_therapists WHERE couple_id = $1',
        [mine.id],
      );
      expect(rows).toEqual([{ therapist_user_id: therapist.id }]);
    });
  });

  describe('acknowledging the secrets policy', () => {
    it('is for the couple’s own partners: staff get 403, another couple’s partner 404', async () => {
      const couple = await newCouple(owner, clinicId, {
        therapistIds: [therapist.id],
        acknowledged: false,
        status: 'invited',
      });
      expect(
        (
          await api.request('POST', `/couples/${couple.id}/acknowledge-policy`, {
            token: therapistToken,
          })
        ).status,
      ).toBe(403);
      const outsider = await api.signIn(theirs.partnerA);
      expect(
        (await api.request('POST', `/couples/${couple.id}/acknowledge-policy`, { token: outsider }))
          .status,
      ).toBe(404);
      expect(
        (
          await api.request('POST', `/couples/${couple.id}/acknowledge-policy`, {
            token: otherAdminToken,
          })
        ).status,
      ).toBe(403);
      const rows = await asClinic<Array<{ acknowledged: boolean }>>(
        owner,
        clinicId,
        `SELECT policy_acknowledged_at IS NOT NULL AS acknowledged FROM couple_partners
          WHERE couple_id = $1`,
        [couple.id],
      );
      expect(rows).toEqual([{ acknowledged: false }, { acknowledged: false }]);
    });

    it('answers 404 to a client of another clinic', async () => {
      const other = await newClinic(owner);
      const stranger = await newCouple(owner, other.id);
      const token = await api.signIn(stranger.partnerA);
      const response = await api.request('POST', `/couples/${mine.id}/acknowledge-policy`, {
        token,
      });
      expect(response.status).toBe(404);
    });
  });
});
