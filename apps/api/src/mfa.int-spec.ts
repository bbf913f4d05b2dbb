import { Secret, TOTP } from 'otpauth';
import type { DataSource } from 'typeorm';
import { asClinic, newClinic, newUser, ownerDataSource, type TestUser } from '@mend/server-testing';
import { startTestApi, type TestApi } from './testing/test-api';

interface Challenge {
  mfaRequired: true;
  enrolmentRequired: boolean;
  challengeToken: string;
}
interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}
interface SignedIn {
  accessToken: string;
  recoveryCodes?: string[];
}

/** What an authenticator app would show, `stepsAhead` 30-second steps from now. */
function codeFor(secret: string, stepsAhead = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

describe('TOTP multi-factor sign-in (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let staff: TestUser;
  let secret: string;
  let firstCode: string;

  const login = async (user: TestUser): Promise<Challenge> => {
    const response = await api.request('POST', '/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Challenge;
  };
  const verify = (body: Record<string, string>) =>
    api.request('POST', '/auth/mfa/verify', { body });

  beforeAll(async () => {
    owner = await ownerDataSource();
    const strict = await newClinic(owner, { requireStaffMfa: true });
    staff = await newUser(owner, strict.id, 'therapist');
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  it('enrols staff during their first sign-in and hands out recovery codes once', async () => {
    const challenge = await login(staff);
    expect(challenge).toMatchObject({ mfaRequired: true, enrolmentRequired: true });

    const started = await api.request('POST', '/auth/mfa/enrol', {
      body: { challengeToken: challenge.challengeToken },
    });
    expect(started.status).toBe(200);
    const enrolment = (await started.json()) as Enrolment;
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Mend:.+\?.*secret=/);
    expect(enrolment.otpauthUri).toContain('period=30');
    expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    secret = enrolment.secret;

    const [stored] = await asClinic<Array<{ mfa_secret: string; mfa_enabled_at: Date | null }>>(
      owner,
      staff.clinicId,
      'SELECT mfa_secret, mfa_enabled_at FROM users WHERE id = $1',
      [staff.id],
    );
    expect(stored?.mfa_enabled_at).toBeNull();
    expect(stored?.mfa_secret).not.toContain(secret);

    const wrong = await verify({ challengeToken: challenge.challengeToken, code: '000000' });
    expect(wrong.status).toBe(401);

    firstCode = codeFor(secret);
    const right = await verify({ challengeToken: challenge.challengeToken, code: firstCode });
    expect(right.status).toBe(200);
    const signedIn = (await right.json()) as SignedIn;
    expect(signedIn.recoveryCodes).toHaveLength(10);
    expect(new Set(signedIn.recoveryCodes).size).toBe(10);
    expect((await api.request('GET', '/auth/me', { token: signedIn.accessToken })).status).toBe(
      200,
    );
    const again = await api.request('POST', '/auth/mfa/enrol', {
      body: { challengeToken: (await login(staff)).challengeToken },
    });
    expect(again.status).toBe(409);
  });

  it('refuses a code that was already used, and accepts the next one', async () => {
    const challenge = await login(staff);
    expect(challenge.enrolmentRequired).toBe(false);
    expect(
      (await verify({ challengeToken: challenge.challengeToken, code: firstCode })).status,
    ).toBe(401);
    const next = await verify({
      challengeToken: challenge.challengeToken,
      code: codeFor(secret, 1),
    });
    expect(next.status).toBe(200);
    expect((await next.json()) as SignedIn).not.toHaveProperty('recoveryCodes');
  });

  it('lets a recovery code stand in for the app exactly once', async () => {
    const fresh = await newUser(owner, staff.clinicId, 'clinic_admin');
    const enrolChallenge = await login(fresh);
    const enrolment = (await (
      await api.request('POST', '/auth/mfa/enrol', {
        body: { challengeToken: enrolChallenge.challengeToken },
      })
    ).json()) as Enrolment;
    const enrolled = (await (
      await verify({
        challengeToken: enrolChallenge.challengeToken,
        code: codeFor(enrolment.secret),
      })
    ).json()) as SignedIn;
    const recoveryCode = enrolled.recoveryCodes?.[3] ?? '';

    const first = await login(fresh);
    const used = await verify({
      challengeToken: first.challengeToken,
      recoveryCode: recoveryCode.toLowerCase(),
    });
    expect(used.status).toBe(200);
    const second = await login(fresh);
    expect((await verify({ challengeToken: second.challengeToken, recoveryCode })).status).toBe(
      401,
    );
  });

  it('refuses a forged or malformed challenge, and a body with both or neither factor', async () => {
    expect((await verify({ challengeToken: 'forged', code: '123456' })).status).toBe(401);
    const challenge = await login(staff);
    const neither = await verify({ challengeToken: challenge.challengeToken });
    expect(neither.status).toBe(400);
    const badCode = await verify({ challengeToken: challenge.challengeToken, code: '12ab' });
    expect(badCode.status).toBe(400);
    expect(((await badCode.json()) as { fields: Record<string, string> }).fields).toHaveProperty(
      'code',
    );
  });

  it('counts wrong codes towards the lockout, like wrong passwords', async () => {
    const challenge = await login(staff);
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(
        (await verify({ challengeToken: challenge.challengeToken, code: '000000' })).status,
      ).toBe(401);
    }
    const rightButLocked = await verify({
      challengeToken: challenge.challengeToken,
      code: codeFor(secret, -1),
    });
    expect(rightButLocked.status).toBe(401);
    const audit = await asClinic<Array<{ action: string }>>(
      owner,
      staff.clinicId,
      `SELECT action FROM audit_events WHERE actor_user_id = $1 AND action = 'auth.locked_out'`,
      [staff.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('lets a client opt in from their account; later sign-ins then ask for a code', async () => {
    const clinic = await newClinic(owner);
    const client = await newUser(owner, clinic.id, 'client');
    const token = await api.signIn(client);
    const started = await api.request('POST', '/account/mfa', { token });
    expect(started.status).toBe(200);
    const enrolment = (await started.json()) as Enrolment;
    const wrong = await api.request('POST', '/account/mfa/confirm', {
      token,
      body: { code: '000000' },
    });
    expect(wrong.status).toBe(400);
    const confirmed = await api.request('POST', '/account/mfa/confirm', {
      token,
      body: { code: codeFor(enrolment.secret) },
    });
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(
      10,
    );
    const challenge = await login(client);
    expect(challenge).toMatchObject({ mfaRequired: true, enrolmentRequired: false });
  });
});
