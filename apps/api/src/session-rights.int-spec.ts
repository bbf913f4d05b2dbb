import { SignJWT, decodeJwt } from 'jose';
import type { DataSource } from 'typeorm';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  type TestUser,
} from '@mend/server-testing';
import { startTestApi, type TestApi } from './testing/test-api';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  user: { id: string; role: string };
}

/**
 * Rights come from the user's row at every request, never from what a token says: a token
 * re-signed with the right secret but another role gains nothing, and a role change applies at
 * the next request while the person's other sessions end.
 */
describe('session rights follow the database (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;

  const login = async (user: TestUser): Promise<Tokens> => {
    const response = await api.request('POST', '/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Tokens;
  };

  /** The same subject, clinic and session as `token`, re-signed with the server's secret. */
  const forge = async (token: string, claims: Record<string, unknown>): Promise<string> => {
    const original = decodeJwt(token);
    return new SignJWT({ ...original, ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(api.config.AUTH_JWT_SECRET));
  };

  beforeAll(async () => {
    owner = await ownerDataSource();
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  it("applies the database's role to a token forged with the right secret and a wrong role", async () => {
    const clinic = await newClinic(owner);
    const therapist = await newUser(owner, clinic.id, 'therapist');
    const couple = await newCouple(owner, clinic.id, { therapistIds: [therapist.id] });
    const partner = couple.partnerA;
    const tokens = await login(partner);
    expect(decodeJwt(tokens.accessToken)).not.toHaveProperty('role');

    for (const role of ['clinic_admin', 'therapist']) {
      const forged = await forge(tokens.accessToken, { role });
      // The forgery verifies (the session is live) but carries the partner's rights only.
      expect((await api.request('GET', '/auth/me', { token: forged })).status).toBe(200);
      const me = (await (await api.request('GET', '/auth/me', { token: forged })).json()) as {
        role: string;
      };
      expect(me.role).toBe('client');
      expect((await api.request('GET', '/users', { token: forged })).status).toBe(403);
      expect((await api.request('GET', '/audit-events', { token: forged })).status).toBe(403);
      expect(
        (await api.request('PUT', '/clinic', { token: forged, body: { name: 'Taken over' } }))
          .status,
      ).toBe(403);
      expect((await api.request('GET', `/users/${therapist.id}`, { token: forged })).status).toBe(
        404,
      );
    }
  });

  it('refuses a token whose ids are not well-formed ids', async () => {
    const clinic = await newClinic(owner);
    const admin = await newUser(owner, clinic.id, 'clinic_admin');
    const tokens = await login(admin);
    for (const claims of [{ sid: 'not-a-session' }, { cid: "x' OR 1=1" }, { sub: 42 }]) {
      const forged = await forge(tokens.accessToken, claims);
      expect((await api.request('GET', '/auth/me', { token: forged })).status).toBe(401);
    }
  });

  it('gives a demoted admin the new rights at the next request and ends their other sessions', async () => {
    const clinic = await newClinic(owner);
    const lead = await newUser(owner, clinic.id, 'clinic_admin');
    const demoted = await newUser(owner, clinic.id, 'clinic_admin');
    const leadToken = (await login(lead)).accessToken;
    const laptop = await login(demoted);
    const phone = await login(demoted);
    // The laptop was used a while ago; the phone is the device in hand.
    await asClinic(
      owner,
      clinic.id,
      `UPDATE sessions SET last_seen_at = now() - interval '5 minutes'
        WHERE clinic_id = $1 AND id = $2`,
      [clinic.id, laptop.refreshToken.split('.')[1]],
    );
    expect((await api.request('GET', '/audit-events', { token: phone.accessToken })).status).toBe(
      200,
    );

    const change = await api.request('PUT', `/users/${demoted.id}`, {
      token: leadToken,
      body: { role: 'therapist' },
    });
    expect(change.status).toBe(200);

    // The very next request with the old access token has the new rights.
    expect((await api.request('GET', '/audit-events', { token: phone.accessToken })).status).toBe(
      403,
    );
    expect(
      (
        await api.request('PUT', '/clinic', {
          token: phone.accessToken,
          body: { name: 'Renamed by a former admin' },
        })
      ).status,
    ).toBe(403);
    const me = await api.request('GET', '/auth/me', { token: phone.accessToken });
    expect(((await me.json()) as { role: string }).role).toBe('therapist');

    // Every other session has ended, access and refresh alike.
    expect((await api.request('GET', '/auth/me', { token: laptop.accessToken })).status).toBe(401);
    expect(
      (await api.request('POST', '/auth/refresh', { body: { refreshToken: laptop.refreshToken } }))
        .status,
    ).toBe(401);
    const [row] = await asClinic<Array<{ revoked_reason: string | null }>>(
      owner,
      clinic.id,
      `SELECT revoked_reason FROM sessions WHERE clinic_id = $1 AND id = $2`,
      [clinic.id, laptop.refreshToken.split('.')[1]],
    );
    expect(row?.revoked_reason).toBe('role_changed');

    // Promoted back: the same session gains the rights again, with no new sign-in.
    await api.request('PUT', `/users/${demoted.id}`, {
      token: leadToken,
      body: { role: 'clinic_admin' },
    });
    expect((await api.request('GET', '/audit-events', { token: phone.accessToken })).status).toBe(
      200,
    );
  });

  it('leaves sessions alone when an edit does not change the role', async () => {
    const clinic = await newClinic(owner);
    const lead = await newUser(owner, clinic.id, 'clinic_admin');
    const colleague = await newUser(owner, clinic.id, 'therapist');
    const leadToken = (await login(lead)).accessToken;
    const first = await login(colleague);
    const second = await login(colleague);
    const edit = await api.request('PUT', `/users/${colleague.id}`, {
      token: leadToken,
      body: { role: 'therapist', displayName: 'Dr. Same Role' },
    });
    expect(edit.status).toBe(200);
    expect((await api.request('GET', '/auth/me', { token: first.accessToken })).status).toBe(200);
    expect((await api.request('GET', '/auth/me', { token: second.accessToken })).status).toBe(200);
  });

  describe('refresh-token reuse', () => {
    const refresh = (refreshToken: string) =>
      api.request('POST', '/auth/refresh', { body: { refreshToken } });

    /** Signs in and rotates `rotations` times: the family of tokens, oldest first. */
    const family = async (user: TestUser, rotations: number): Promise<Tokens[]> => {
      const tokens = [await login(user)];
      for (let i = 0; i < rotations; i += 1) {
        const response = await refresh(tokens[tokens.length - 1]?.refreshToken ?? '');
        expect(response.status).toBe(200);
        tokens.push((await response.json()) as Tokens);
      }
      return tokens;
    };

    it.each([1, 2, 3])(
      'revokes the session when a token %i rotation(s) old is replayed',
      async (age) => {
        const clinic = await newClinic(owner);
        const user = await newUser(owner, clinic.id, 'therapist');
        const tokens = await family(user, 3);
        const current = tokens[3] as Tokens;
        const replayed = tokens[3 - age] as Tokens;
        expect((await refresh(replayed.refreshToken)).status).toBe(401);
        // The session is over for whoever holds it: the latest refresh and access tokens too.
        expect((await refresh(current.refreshToken)).status).toBe(401);
        expect((await api.request('GET', '/auth/me', { token: current.accessToken })).status).toBe(
          401,
        );
        const rows = await asClinic<Array<{ revoked_reason: string | null; reuse: string }>>(
          owner,
          clinic.id,
          `SELECT s.revoked_reason,
                  (SELECT count(*) FROM audit_events a WHERE a.clinic_id = s.clinic_id
                      AND a.actor_user_id = s.user_id
                      AND a.action = 'auth.refresh_reuse_detected') AS reuse
             FROM sessions s WHERE s.clinic_id = $1 AND s.id = $2`,
          [clinic.id, current.refreshToken.split('.')[1]],
        );
        expect(rows).toEqual([{ revoked_reason: 'refresh_token_reused', reuse: '1' }]);
      },
    );

    it('refuses a made-up token for a live session without ending it', async () => {
      const clinic = await newClinic(owner);
      const user = await newUser(owner, clinic.id, 'therapist');
      const [, current] = await family(user, 1);
      const [clinicId, sessionId] = (current as Tokens).refreshToken.split('.');
      const guess = `${clinicId}.${sessionId}.${'A'.repeat(43)}`;
      expect((await refresh(guess)).status).toBe(401);
      expect((await refresh((current as Tokens).refreshToken)).status).toBe(200);
    });
  });
});
