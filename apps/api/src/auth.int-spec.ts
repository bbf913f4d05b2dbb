import type { DataSource } from 'typeorm';
import { asClinic, newClinic, newUser, ownerDataSource, type TestUser } from '@mend/server-testing';
import { BACKGROUND_REQUEST_HEADER } from '@mend/shared-contracts';
import { startTestApi, type TestApi } from './testing/test-api';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  user: { id: string; role: string; clinicId: string };
}

describe('sign-in and sessions (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let base: string;
  let therapist: TestUser;

  const post = (path: string, body: unknown, token?: string) =>
    api.request('POST', path, { body, token });
  const me = (token: string) => api.request('GET', '/auth/me', { token });
  const login = async (user: TestUser): Promise<Tokens> => {
    const response = await post('/auth/login', { email: user.email, password: user.password });
    expect(response.status).toBe(200);
    return (await response.json()) as Tokens;
  };

  beforeAll(async () => {
    owner = await ownerDataSource();
    const clinic = await newClinic(owner);
    therapist = await newUser(owner, clinic.id, 'therapist');
    api = await startTestApi();
    base = api.base;
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  it('signs in with the right password, case-insensitively by email', async () => {
    const response = await post('/auth/login', {
      email: therapist.email.toUpperCase(),
      password: therapist.password,
    });
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as Tokens;
    expect(tokens.user).toMatchObject({
      id: therapist.id,
      role: 'therapist',
      clinicId: therapist.clinicId,
    });
    const profile = await me(tokens.accessToken);
    expect(profile.status).toBe(200);
    expect(await profile.json()).toMatchObject({ email: therapist.email });
  });

  it('answers a wrong password and an unknown email alike, and audits the failure', async () => {
    const wrong = await post('/auth/login', {
      email: therapist.email,
      password: 'not the password',
    });
    const unknown = await post('/auth/login', {
      email: 'nobody@example.test',
      password: 'whatever it is',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toBe(
      ((await unknown.json()) as { message: string }).message,
    );
    const rows: Array<{ action: string }> = await asClinic(
      owner,
      therapist.clinicId,
      `SELECT action FROM audit_events WHERE actor_user_id = $1 AND action = 'auth.login_failed'`,
      [therapist.id],
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it('names the bad field and refuses unknown fields with 400', async () => {
    const badEmail = await post('/auth/login', { email: 'not-an-email', password: 'x' });
    expect(badEmail.status).toBe(400);
    expect(((await badEmail.json()) as { fields: Record<string, string> }).fields).toHaveProperty(
      'email',
    );
    const extra = await post('/auth/login', {
      email: therapist.email,
      password: therapist.password,
      role: 'clinic_admin',
    });
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as { fields: Record<string, string> }).fields).toHaveProperty(
      'role',
    );
  });

  it('refuses requests without a valid token', async () => {
    expect((await fetch(`${base}/auth/me`)).status).toBe(401);
    expect((await me('not.a.token')).status).toBe(401);
  });

  it('rotates refresh tokens and revokes the session when an old one is replayed', async () => {
    const first = await login(therapist);
    const rotated = await post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(rotated.status).toBe(200);
    const second = (await rotated.json()) as Tokens;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await me(second.accessToken)).status).toBe(200);

    const replay = await post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    // The thief's replay ends the session for everyone holding it.
    expect((await post('/auth/refresh', { refreshToken: second.refreshToken })).status).toBe(401);
    expect((await me(second.accessToken)).status).toBe(401);
  });

  it('revokes the session server-side on logout', async () => {
    const tokens = await login(therapist);
    expect((await post('/auth/logout', {}, tokens.accessToken)).status).toBe(204);
    expect((await me(tokens.accessToken)).status).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
  });

  it('ends a session idle past the clinic inactivity timeout', async () => {
    const tokens = await login(therapist);
    await asClinic(
      owner,
      therapist.clinicId,
      `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`,
      [therapist.id],
    );
    expect((await me(tokens.accessToken)).status).toBe(401);
  });

  describe('what counts as activity', () => {
    const background = { [BACKGROUND_REQUEST_HEADER]: '1' };
    const idleFor = (minutes: number) =>
      asClinic(
        owner,
        therapist.clinicId,
        `UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2)
          WHERE user_id = $1 AND revoked_at IS NULL`,
        [therapist.id, minutes],
      );
    /** The refresh token reads `<clinic id>.<session id>.<secret>`. */
    const session = async (tokens: Tokens) => {
      const sessionId = tokens.refreshToken.split('.')[1];
      const [row] = await asClinic<Array<{ idle_minutes: number; revoked_reason: string | null }>>(
        owner,
        therapist.clinicId,
        `SELECT extract(epoch FROM now() - last_seen_at) / 60 AS idle_minutes, revoked_reason
           FROM sessions WHERE id = $1`,
        [sessionId],
      );
      return { idleMinutes: Number(row?.idle_minutes), revokedReason: row?.revoked_reason };
    };

    it("tells the web app the clinic's idle limit at sign-in", async () => {
      const clinic = await newClinic(owner, { inactivityTimeoutMinutes: 12 });
      const client = await newUser(owner, clinic.id, 'client');
      expect((await login(client)).user).toMatchObject({ inactivityTimeoutMinutes: 12 });
    });

    it('authenticates a background request without extending the session', async () => {
      const tokens = await login(therapist);
      await idleFor(20);
      const poll = await api.request('GET', '/notifications/unread-count', {
        token: tokens.accessToken,
        headers: background,
      });
      expect(poll.status).toBe(200);
      expect((await session(tokens)).idleMinutes).toBeGreaterThan(19);

      expect((await me(tokens.accessToken)).status).toBe(200);
      expect((await session(tokens)).idleMinutes).toBeLessThan(1);
    });

    it('refuses a background request once the session is idle past the limit', async () => {
      const tokens = await login(therapist);
      await idleFor(31);
      const poll = await api.request('GET', '/notifications/unread-count', {
        token: tokens.accessToken,
        headers: background,
      });
      expect(poll.status).toBe(401);
      expect((await session(tokens)).revokedReason).toBe('inactive');
    });

    it('does not count a refresh as activity, and refuses one past the limit', async () => {
      const tokens = await login(therapist);
      await idleFor(20);
      const rotated = await post('/auth/refresh', { refreshToken: tokens.refreshToken });
      expect(rotated.status).toBe(200);
      const renewed = (await rotated.json()) as Tokens;
      expect((await session(renewed)).idleMinutes).toBeGreaterThan(19);

      await idleFor(31);
      expect((await post('/auth/refresh', { refreshToken: renewed.refreshToken })).status).toBe(
        401,
      );
    });
  });

  it('locks an account after repeated failures, for a bounded time', async () => {
    const clinic = await newClinic(owner);
    const victim = await newUser(owner, clinic.id, 'client');
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(
        (await post('/auth/login', { email: victim.email, password: `wrong ${attempt}` })).status,
      ).toBe(401);
    }
    expect(
      (await post('/auth/login', { email: victim.email, password: victim.password })).status,
    ).toBe(401);
    const [row] = await asClinic<Array<{ minutes: number }>>(
      owner,
      clinic.id,
      `SELECT extract(epoch FROM locked_until - now()) / 60 AS minutes FROM users WHERE id = $1`,
      [victim.id],
    );
    expect(Number(row?.minutes)).toBeGreaterThan(14);
    expect(Number(row?.minutes)).toBeLessThanOrEqual(15);
  });

  it('asks staff for MFA when their clinic requires it, issuing no session', async () => {
    const strict = await newClinic(owner, { requireStaffMfa: true });
    const staff = await newUser(owner, strict.id, 'therapist');
    const response = await post('/auth/login', { email: staff.email, password: staff.password });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ mfaRequired: true, enrolmentRequired: true });
    expect(body).not.toHaveProperty('accessToken');
  });

  it('does not sign in a deactivated user', async () => {
    const gone = await newUser(owner, therapist.clinicId, 'therapist', { status: 'deactivated' });
    expect((await post('/auth/login', { email: gone.email, password: gone.password })).status).toBe(
      401,
    );
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 with Retry-After past the per-IP limit', async () => {
    const limited = await startTestApi({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const url = `${limited.base}/auth/login`;
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 4; i += 1) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'nobody@example.test', password: 'guess' }),
        });
        statuses.push(response.status);
        retryAfter = response.headers.get('retry-after') ?? retryAfter;
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      // Other routes are not held to the sign-in limit.
      expect((await fetch(`${limited.base}/health`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
