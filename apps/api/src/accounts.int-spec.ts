import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  asClinic,
  newClinic,
  newUser,
  ownerDataSource,
  linkTokenFrom,
  startMailSink,
  type MailSink,
  type TestUser,
} from '@mend/server-testing';
import { startAccountWorker } from './testing/account-worker';
import { startTestApi, type TestApi } from './testing/test-api';

interface UserBody {
  id: string;
  email: string;
  role: string;
  status: string;
  invitationSent?: boolean;
}

describe('clinics, staff, invitations and password resets (real PostgreSQL and SMTP)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let sink: MailSink;
  let owner: DataSource;
  let admin: TestUser;
  let therapist: TestUser;
  let adminToken: string;

  beforeAll(async () => {
    sink = await startMailSink();
    owner = await ownerDataSource();
    const clinic = await newClinic(owner);
    admin = await newUser(owner, clinic.id, 'clinic_admin');
    therapist = await newUser(owner, clinic.id, 'therapist');
    api = await startTestApi({ SMTP_URL: sink.smtpUrl });
    worker = await startAccountWorker(api.config);
    adminToken = await api.signIn(admin);
  });

  afterAll(async () => {
    await api.close();
    await worker.close();
    await sink.stop();
    await owner.destroy();
  });

  describe('self-serve signup', () => {
    it('creates a clinic whose first admin must enrol MFA at first sign-in', async () => {
      const email = `founder-${Date.now()}@example.test`;
      const response = await api.request('POST', '/clinics', {
        body: {
          clinicName: 'Riverside Couples Practice',
          timeZone: 'America/Chicago',
          adminName: 'Jordan Lee',
          adminEmail: email,
          password: 'lantern orchard seven',
        },
      });
      expect(response.status).toBe(201);
      const created = (await response.json()) as { clinicId: string; mfaRequired: boolean };
      expect(created.mfaRequired).toBe(true);
      const login = await api.request('POST', '/auth/login', {
        body: { email, password: 'lantern orchard seven' },
      });
      expect(await login.json()).toMatchObject({ mfaRequired: true, enrolmentRequired: true });
      const [clinic] = await asClinic<Array<{ time_zone: string; secrets_policy: string }>>(
        owner,
        created.clinicId,
        'SELECT time_zone, secrets_policy FROM clinics WHERE id = $1',
        [created.clinicId],
      );
      expect(clinic?.time_zone).toBe('America/Chicago');
      expect(clinic?.secrets_policy.length).toBeGreaterThan(50);
      const [library] = await asClinic<Array<{ exercises: string; programs: string }>>(
        owner,
        created.clinicId,
        `SELECT (SELECT count(*) FROM exercises WHERE source = 'library') AS exercises,
                (SELECT count(*) FROM programs) AS programs`,
        [],
      );
      expect(Number(library?.exercises)).toBeGreaterThanOrEqual(20);
      expect(Number(library?.programs)).toBeGreaterThanOrEqual(2);
    });

    it('lets the clinic invite no one and add no couple until the admin follows the emailed link', async () => {
      const email = `verify-${Date.now()}@example.test`;
      const password = 'lantern orchard seven';
      const response = await api.request('POST', '/clinics', {
        body: {
          clinicName: 'Unproven Practice',
          timeZone: 'Europe/Madrid',
          adminName: 'Jordan Lee',
          adminEmail: email,
          password,
          locale: 'es',
        },
      });
      expect(response.status).toBe(201);
      const created = (await response.json()) as { clinicId: string; emailVerified: boolean };
      expect(created.emailVerified).toBe(false);
      // Sign in without enrolling an authenticator: this test is about the email, not MFA.
      await asClinic(owner, created.clinicId, 'UPDATE clinics SET require_staff_mfa = false', []);
      const token = await api.signIn({ email, password });
      const count = async (table: string) => {
        const [row] = await asClinic<Array<{ n: string }>>(
          owner,
          created.clinicId,
          `SELECT count(*) AS n FROM ${table} WHERE clinic_id = $1`,
          [created.clinicId],
        );
        return Number(row?.n);
      };
      const invite = () =>
        api.request('POST', '/users', {
          token,
          body: { email: `staff-${email}`, displayName: 'Dr. Sam Okafor', role: 'therapist' },
        });
      const refused = await invite();
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { message: string }).message).toMatch(/Confirm the clinic/);
      const couple = await api.request('POST', '/couples', {
        token,
        body: {
          partnerA: { displayName: 'Alex', email: `a-${email}`, timeZone: 'Europe/Madrid' },
          partnerB: { displayName: 'Sam', email: `b-${email}`, timeZone: 'Europe/Madrid' },
        },
      });
      expect(couple.status).toBe(403);
      expect(await count('users')).toBe(1);
      expect(await count('couples')).toBe(0);

      const mail = await sink.waitForMessage((m) => m.to.includes(email));
      expect(mail.subject).toContain('Unproven Practice');
      expect(mail.text).toContain('#/verify-email?token=');
      const link = linkTokenFrom(mail.text);
      const forged = await api.request('POST', '/auth/verify-email', {
        body: { token: `${link.slice(0, -4)}AAAA` },
      });
      expect(forged.status).toBe(400);
      expect(await invite().then((r) => r.status)).toBe(403);
      const verified = await api.request('POST', '/auth/verify-email', { body: { token: link } });
      expect(verified.status).toBe(204);
      const again = await api.request('POST', '/auth/verify-email', { body: { token: link } });
      expect(again.status).toBe(400);
      expect(await invite().then((r) => r.status)).toBe(201);
    });

    it('names each bad field and writes nothing', async () => {
      const email = `bad-${Date.now()}@example.test`;
      const response = await api.request('POST', '/clinics', {
        body: {
          clinicName: 'X',
          timeZone: 'Mars/Olympus',
          adminName: 'A',
          adminEmail: email,
          password: 'password',
        },
      });
      expect(response.status).toBe(400);
      const { fields } = (await response.json()) as { fields: Record<string, string> };
      expect(Object.keys(fields).sort()).toEqual(['clinicName', 'password', 'timeZone']);
      const candidates = await owner.query('SELECT * FROM auth_login_candidates($1)', [email]);
      expect(candidates).toHaveLength(0);
    });
  });

  describe('clinic settings', () => {
    it('lets an admin change settings and refuses anyone else', async () => {
      const changed = await api.request('PUT', '/clinic', {
        token: adminToken,
        body: {
          quietHoursStart: '22:30',
          inactivityTimeoutMinutes: 45,
          requireStaffMfa: false,
          reportRetentionDays: 30,
        },
      });
      expect(changed.status).toBe(200);
      expect(await changed.json()).toMatchObject({
        reportRetentionDays: 30,
        quietHoursStart: '22:30',
        inactivityTimeoutMinutes: 45,
      });
      const therapistToken = await api.signIn(therapist);
      const refused = await api.request('PUT', '/clinic', {
        token: therapistToken,
        body: { name: 'Taken over' },
      });
      expect(refused.status).toBe(403);
      const read = await api.request('GET', '/clinic', { token: therapistToken });
      expect(((await read.json()) as { name: string }).name).not.toBe('Taken over');
    });

    it('rejects unknown fields and bad values by name', async () => {
      const response = await api.request('PUT', '/clinic', {
        token: adminToken,
        body: {
          id: '00000000-0000-4000-8000-000000000000',
          quietHoursEnd: '25:00',
          reportRetentionDays: 0,
        },
      });
      expect(response.status).toBe(400);
      const { fields } = (await response.json()) as { fields: Record<string, string> };
      expect(Object.keys(fields).sort()).toEqual(['id', 'quietHoursEnd', 'reportRetentionDays']);
    });
  });

  describe('inviting staff', () => {
    it('emails a single-use link that sets the password and activates the account', async () => {
      const email = `new-therapist-${Date.now()}@example.test`;
      const invited = await api.request('POST', '/users', {
        token: adminToken,
        body: { email, displayName: 'Dr. Sam Okafor', role: 'therapist', locale: 'es' },
      });
      expect(invited.status).toBe(201);
      const user = (await invited.json()) as UserBody;
      expect(user).toMatchObject({ status: 'invited', role: 'therapist', invitationSent: true });

      const mail = await sink.waitForMessage((m) => m.to.includes(email));
      const token = linkTokenFrom(mail.text);
      expect(mail.text).toContain('#/accept-invitation?token=');

      const inspected = await api.request('POST', '/auth/invitations/inspect', { body: { token } });
      expect(await inspected.json()).toMatchObject({ email, role: 'therapist' });

      const weak = await api.request('POST', '/auth/invitations/accept', {
        body: { token, password: '12345678' },
      });
      expect(weak.status).toBe(400);
      const accepted = await api.request('POST', '/auth/invitations/accept', {
        body: { token, password: 'harbor lights at dusk' },
      });
      expect(accepted.status).toBe(204);
      const again = await api.request('POST', '/auth/invitations/accept', {
        body: { token, password: 'another fine password' },
      });
      expect(again.status).toBe(400);
      expect(await api.signIn({ email, password: 'harbor lights at dusk' })).toEqual(
        expect.any(String),
      );
      const [row] = await asClinic<Array<{ token_hash: string }>>(
        owner,
        admin.clinicId,
        'SELECT token_hash FROM user_tokens WHERE user_id = $1',
        [user.id],
      );
      expect(row?.token_hash).not.toContain(token.split('.')[2]);
    });

    it('refuses an expired invitation', async () => {
      const email = `late-${Date.now()}@example.test`;
      const invited = (await (
        await api.request('POST', '/users', {
          token: adminToken,
          body: { email, displayName: 'Late Comer', role: 'therapist' },
        })
      ).json()) as UserBody;
      const token = linkTokenFrom((await sink.waitForMessage((m) => m.to.includes(email))).text);
      await asClinic(
        owner,
        admin.clinicId,
        `UPDATE user_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
        [invited.id],
      );
      const response = await api.request('POST', '/auth/invitations/accept', {
        body: { token, password: 'harbor lights at dusk' },
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { fields: Record<string, string> }).fields).toHaveProperty(
        'token',
      );
    });

    it('refuses a duplicate email in the clinic, naming the field', async () => {
      const response = await api.request('POST', '/users', {
        token: adminToken,
        body: { email: therapist.email, displayName: 'Twin', role: 'therapist' },
      });
      expect(response.status).toBe(409);
      expect(((await response.json()) as { fields: Record<string, string> }).fields).toHaveProperty(
        'email',
      );
    });
  });

  describe('listing people (react-admin dialect)', () => {
    it('pages, sorts and filters, with Content-Range', async () => {
      const response = await api.request(
        'GET',
        `/users?range=[0,0]&sort=["email","ASC"]&filter=${encodeURIComponent('{"role":"therapist"}')}`,
        { token: adminToken },
      );
      expect(response.status).toBe(200);
      const rows = (await response.json()) as UserBody[];
      expect(rows).toHaveLength(1);
      expect(rows[0]?.role).toBe('therapist');
      expect(response.headers.get('content-range')).toMatch(/^users 0-0\/([3-9]|\d\d+)$/);
      const bad = await api.request('GET', '/users?filter={"passwordHash":"x"}', {
        token: adminToken,
      });
      expect(bad.status).toBe(400);
    });

    it('lets therapists see colleagues but not clients, and clients not list at all', async () => {
      const client = await newUser(owner, admin.clinicId, 'client');
      const therapistToken = await api.signIn(therapist);
      const rows = (await (
        await api.request('GET', '/users?range=[0,99]', { token: therapistToken })
      ).json()) as UserBody[];
      expect(rows.map((r) => r.id)).toContain(admin.id);
      expect(rows.map((r) => r.id)).not.toContain(client.id);
      expect(
        (await api.request('GET', `/users/${client.id}`, { token: therapistToken })).status,
      ).toBe(404);
      const clientToken = await api.signIn(client);
      expect((await api.request('GET', '/users', { token: clientToken })).status).toBe(403);
      expect((await api.request('GET', `/users/${client.id}`, { token: clientToken })).status).toBe(
        200,
      );
    });

    it('audits an admin reading a client record', async () => {
      const client = await newUser(owner, admin.clinicId, 'client');
      expect((await api.request('GET', `/users/${client.id}`, { token: adminToken })).status).toBe(
        200,
      );
      const rows = await asClinic<Array<{ actor_user_id: string; request_id: string | null }>>(
        owner,
        admin.clinicId,
        `SELECT actor_user_id, request_id FROM audit_events
          WHERE action = 'user.read' AND record_id = $1`,
        [client.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.actor_user_id).toBe(admin.id);
      expect(rows[0]?.request_id).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('deactivation', () => {
    it('ends every session of the person at once', async () => {
      const leaving = await newUser(owner, admin.clinicId, 'therapist');
      const theirToken = await api.signIn(leaving);
      expect((await api.request('GET', '/auth/me', { token: theirToken })).status).toBe(200);
      const response = await api.request('POST', `/users/${leaving.id}/deactivate`, {
        token: adminToken,
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as UserBody).status).toBe('deactivated');
      expect((await api.request('GET', '/auth/me', { token: theirToken })).status).toBe(401);
      const login = await api.request('POST', '/auth/login', {
        body: { email: leaving.email, password: leaving.password },
      });
      expect(login.status).toBe(401);
    });

    it('does not let an admin deactivate themselves', async () => {
      const response = await api.request('POST', `/users/${admin.id}/deactivate`, {
        token: adminToken,
      });
      expect(response.status).toBe(400);
    });
  });

  describe('password reset', () => {
    it('answers the same for unknown emails, and a link resets the password once', async () => {
      const person = await newUser(owner, admin.clinicId, 'client');
      const oldSession = await api.signIn(person);
      const unknown = await api.request('POST', '/auth/password-reset', {
        body: { email: 'nobody-here@example.test' },
      });
      expect(unknown.status).toBe(202);
      const known = await api.request('POST', '/auth/password-reset', {
        body: { email: person.email },
      });
      expect(known.status).toBe(202);
      const mail = await sink.waitForMessage((m) => m.to.includes(person.email));
      const token = linkTokenFrom(mail.text);
      const done = await api.request('POST', '/auth/password-reset/complete', {
        body: { token, password: 'violet kettle harbor' },
      });
      expect(done.status).toBe(204);
      expect((await api.request('GET', '/auth/me', { token: oldSession })).status).toBe(401);
      expect(await api.signIn({ email: person.email, password: 'violet kettle harbor' })).toEqual(
        expect.any(String),
      );
      const reused = await api.request('POST', '/auth/password-reset/complete', {
        body: { token, password: 'yet another password' },
      });
      expect(reused.status).toBe(400);
      const toNobody = (await sink.messages()).filter((m) =>
        m.to.includes('nobody-here@example.test'),
      );
      expect(toNobody).toHaveLength(0);
    });
  });

  describe('audit search', () => {
    it('finds rows by actor, action family and date, for admins only', async () => {
      const since = new Date(Date.now() - 60 * 60_000).toISOString();
      const filter = encodeURIComponent(
        JSON.stringify({ actorUserId: admin.id, action: 'user.', from: since }),
      );
      const response = await api.request('GET', `/audit-events?filter=${filter}&range=[0,99]`, {
        token: adminToken,
      });
      expect(response.status).toBe(200);
      const rows = (await response.json()) as Array<{ action: string; actorUserId: string }>;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.action.startsWith('user.') && r.actorUserId === admin.id)).toBe(
        true,
      );
      expect(rows.map((r) => r.action)).toContain('user.invited');
      expect(response.headers.get('content-range')).toMatch(/^audit-events 0-\d+\/\d+$/);
      const therapistToken = await api.signIn(therapist);
      expect((await api.request('GET', '/audit-events', { token: therapistToken })).status).toBe(
        403,
      );
    });
  });
});
