import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '@mend/server-config';
import {
  asClinic,
  newClinic,
  newUser,
  ownerDataSource,
  testConfig,
  type TestUser,
} from '@mend/server-testing';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  user: { id: string; role: string; clinicId: string };
}

describe('sign-in and sessions (real PostgreSQL)', () => {
  let app: INestApplication;
  let owner: DataSource;
  let base: string;
  let therapist: TestUser;

  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  const me = (token: string) =>
    fetch(`${base}/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  const login = async (user: TestUser): Promise<Tokens> => {
    const response = await post('/auth/login', { email: user.email, password: user.password });
    expect(response.status).toBe(200);
    return (await response.json()) as Tokens;
  };

  beforeAll(async () => {
    owner = await ownerDataSource();
    const clinic = await newClinic(owner);
    therapist = await newUser(owner, clinic.id, 'therapist');
    const config = testConfig({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(config)
      .compile();
    app = moduleRef.createNestApplication();
    configureApp(app, config);
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api`;
  });

  afterAll(async () => {
    await app.close();
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
    const config = testConfig({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(config)
      .compile();
    const app = moduleRef.createNestApplication();
    configureApp(app, config);
    await app.listen(0, '127.0.0.1');
    try {
      const url = `${await app.getUrl()}/api/auth/login`;
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
      expect((await fetch(`${await app.getUrl()}/api/health`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
