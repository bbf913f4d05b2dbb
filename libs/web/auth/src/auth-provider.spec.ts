import { canRoleAccess } from './access';
import { authProvider } from './auth-provider';
import { SESSION_STORAGE_KEY } from './session-store';
import { SignInError } from './sign-in-error';

// The provider's only react-admin dependency at runtime is the HTTP client's error helpers.
jest.mock('./http-client', () => ({ isUnauthorized: () => false, wasRefreshTried: () => false }));

class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  get length() {
    return this.items.size;
  }
}

const user = {
  id: 'u1',
  email: 'morgan@e2e.test',
  displayName: 'Morgan Vale',
  role: 'clinic_admin',
  clinicId: 'c1',
  clinicName: 'Riverside',
  locale: 'en',
  inactivityTimeoutMinutes: 30,
};
const session = { accessToken: 'access', refreshToken: 'refresh', user };

let answers: { status: number; body: unknown }[] = [];
const sent: { url: string; body: unknown }[] = [];

beforeEach(() => {
  Object.assign(globalThis, {
    window: { localStorage: new MemoryStorage(), sessionStorage: new MemoryStorage() },
  });
  answers = [];
  sent.length = 0;
  globalThis.fetch = jest.fn(async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), body: JSON.parse(String(init?.body ?? 'null')) });
    const next = answers.shift();
    if (!next) throw new Error('no answer queued');
    return new Response(JSON.stringify(next.body), { status: next.status });
  });
});

const stored = () => window.localStorage.getItem(SESSION_STORAGE_KEY);

async function failureOf(promise: Promise<unknown>): Promise<SignInError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SignInError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('authProvider.login', () => {
  it('hands the MFA challenge to the login page and stores nothing', async () => {
    const challenge = { mfaRequired: true, enrolmentRequired: true, challengeToken: 'ch' };
    answers.push({ status: 200, body: challenge });
    const error = await failureOf(authProvider.login({ email: ' a@b.test ', password: 'pw' }));
    expect(error.failure).toBe('mfa_required');
    expect(error.challenge).toEqual(challenge);
    expect(sent[0]?.body).toEqual({ email: 'a@b.test', password: 'pw' });
    expect(stored()).toBeNull();
  });

  it('completes enrolment: stores the session without the recovery codes and returns them', async () => {
    const recoveryCodes = ['AAAAA-BBBBB', 'CCCCC-DDDDD'];
    answers.push({ status: 200, body: { ...session, recoveryCodes } });
    const outcome: unknown = await authProvider.login({ challengeToken: 'ch', code: '123456' });
    expect(outcome).toEqual({ recoveryCodes });
    expect(sent[0]?.url).toBe('/api/auth/mfa/verify');
    expect(JSON.parse(stored() ?? '{}')).toEqual(session);
    expect(stored()).not.toContain('AAAAA');
  });

  it('sends a recovery code instead of a TOTP code when asked to', async () => {
    answers.push({ status: 200, body: session });
    await expect(
      authProvider.login({ challengeToken: 'ch', recoveryCode: 'AAAAA-BBBBB' }),
    ).resolves.toEqual({});
    expect(sent[0]?.body).toEqual({ challengeToken: 'ch', recoveryCode: 'AAAAA-BBBBB' });
  });

  it('tells a wrong code from an expired challenge', async () => {
    answers.push({
      status: 401,
      body: {
        message: 'That code did not work; check the time on your phone and try a fresh code',
      },
    });
    expect(
      (await failureOf(authProvider.login({ challengeToken: 'ch', code: '000000' }))).failure,
    ).toBe('invalid_code');
    answers.push({
      status: 401,
      body: { message: 'The sign-in step expired; please sign in again' },
    });
    expect(
      (await failureOf(authProvider.login({ challengeToken: 'ch', code: '000000' }))).failure,
    ).toBe('mfa_expired');
    expect(stored()).toBeNull();
  });
});

describe('authProvider.logout', () => {
  it("forgets everything the person left on this device, and keeps the device's language", async () => {
    window.localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    window.localStorage.setItem('mend.client.draft.u1.o1', '{"answers":{}}');
    window.localStorage.setItem('mend.locale', 'es');
    window.localStorage.setItem('another-app', 'kept');
    window.sessionStorage.setItem('mend.client.locale-applied', 'u1');
    answers.push({ status: 200, body: {} });

    await authProvider.logout({});

    expect(stored()).toBeNull();
    expect(window.localStorage.getItem('mend.client.draft.u1.o1')).toBeNull();
    expect(window.sessionStorage.getItem('mend.client.locale-applied')).toBeNull();
    expect(window.localStorage.getItem('mend.locale')).toBe('es');
    expect(window.localStorage.getItem('another-app')).toBe('kept');
  });
});

describe('canAccess mirrors the role (UI only)', () => {
  it('lets clinic admins use the admin areas and nobody else', () => {
    expect(canRoleAccess('clinic_admin', 'users', 'list')).toBe(true);
    expect(canRoleAccess('clinic_admin', 'users', 'delete')).toBe(false);
    expect(canRoleAccess('clinic_admin', 'audit-events', 'edit')).toBe(false);
    expect(canRoleAccess('clinic_admin', 'clinic', 'edit')).toBe(true);
    expect(canRoleAccess('therapist', 'users', 'list')).toBe(false);
    expect(canRoleAccess('client', 'audit-events', 'list')).toBe(false);
    expect(canRoleAccess('clinic_admin', 'something-new', 'list')).toBe(false);
  });

  it('answers no without a session', async () => {
    await expect(authProvider.canAccess?.({ resource: 'users', action: 'list' })).resolves.toBe(
      false,
    );
  });
});
