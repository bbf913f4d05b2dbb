import type { UserRole } from '@mend/shared-contracts';
import type { AuthProvider, UserIdentity } from 'react-admin';

import { canRoleAccess } from './access';
import {
  type ApiAnswer,
  asLoginResponse,
  asSession,
  errorMessage,
  parseRetryAfter,
  requestLogin,
  requestLogout,
  requestMfaVerify,
} from './auth-api';
import {
  type MfaVerification,
  type SignInOutcome,
  isLoginCredentials,
  isMfaVerification,
  readRecoveryCodes,
} from './auth-contract';
import { flushBeforeLogout } from './flush-before-logout';
import { isUnauthorized, wasRefreshTried } from './http-client';
import { markSignedIn } from './inactivity';
import { refreshSession } from './session-refresh';
import { clearSession, forgetSignedInUser, readSession, writeSession } from './session-store';
import { SignInError } from './sign-in-error';

export const MFA_REQUIRED_MESSAGE = 'Multi-factor sign-in is required for this account';

/**
 * The API answers 401 both for a wrong code and for a challenge past its five minutes; only the
 * second one sends the person back to the password step. The message is the only difference the
 * API exposes today (`The sign-in step expired; please sign in again`).
 */
const EXPIRED_CHALLENGE = /expired/i;

/**
 * react-admin skips its "please log in" notification when a rejection's `message` is `false`.
 * Someone who simply has not signed in yet should reach the login page without an error toast.
 */
function quietRejection(): Error {
  return Object.assign(new Error('Not signed in'), { message: false });
}

function rateLimited(answer: ApiAnswer): SignInError {
  return new SignInError(
    'rate_limited',
    'Too many sign-in attempts; try again later.',
    parseRetryAfter(answer.headers.get('Retry-After')),
  );
}

async function send(request: () => Promise<ApiAnswer>): Promise<ApiAnswer> {
  try {
    return await request();
  } catch {
    throw new SignInError('unavailable', 'The sign-in service could not be reached.');
  }
}

function unexpected(answer: ApiAnswer): SignInError {
  // Only the status is logged: the body may hold tokens.
  console.error(`Sign-in answer did not match the expected contract (HTTP ${answer.status})`);
  return new SignInError('unavailable', `Unexpected sign-in answer (HTTP ${answer.status}).`);
}

/** Step one: email and password. Resolves with a session or rejects with the MFA challenge. */
async function loginWithPassword(email: string, password: string): Promise<SignInOutcome> {
  const answer = await send(() => requestLogin({ email: email.trim(), password }));
  if (answer.status === 401) {
    throw new SignInError('invalid_credentials', 'The email or password was not accepted.');
  }
  if (answer.status === 429) {
    throw rateLimited(answer);
  }
  const body = answer.status === 200 ? asLoginResponse(answer.body) : null;
  if (body === null) {
    throw unexpected(answer);
  }
  if ('mfaRequired' in body) {
    // Not a failure for the person: the login page moves to its second step with this challenge.
    throw new SignInError('mfa_required', MFA_REQUIRED_MESSAGE, null, body);
  }
  writeSession(body);
  markSignedIn(Date.now());
  return {};
}

/** Step two: a TOTP code (which also completes a pending enrolment) or a recovery code. */
async function loginWithSecondFactor(verification: MfaVerification): Promise<SignInOutcome> {
  const answer = await send(() => requestMfaVerify(verification));
  if (answer.status === 401) {
    if (EXPIRED_CHALLENGE.test(errorMessage(answer.body) ?? '')) {
      throw new SignInError('mfa_expired', 'The sign-in step expired.');
    }
    throw new SignInError('invalid_code', 'The code was not accepted.');
  }
  if (answer.status === 400) {
    throw new SignInError('invalid_code', 'The code was not accepted.');
  }
  if (answer.status === 429) {
    throw rateLimited(answer);
  }
  const session = answer.status === 200 ? asSession(answer.body) : null;
  if (session === null) {
    throw unexpected(answer);
  }
  // Only the tokens and the user are kept; recovery codes go to the screen once, never to storage.
  writeSession({
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    user: session.user,
  });
  markSignedIn(Date.now());
  const recoveryCodes = readRecoveryCodes(answer.body);
  return recoveryCodes === undefined ? {} : { recoveryCodes };
}

function login(params: unknown): Promise<SignInOutcome> {
  if (isMfaVerification(params)) {
    return loginWithSecondFactor(params);
  }
  if (isLoginCredentials(params)) {
    return loginWithPassword(params.email, params.password);
  }
  return Promise.reject(new SignInError('invalid_credentials', 'Enter an email and a password.'));
}

/**
 * The one owner of the browser's session. `canAccess` and `getPermissions` mirror the signed-in
 * role so the UI can hide what a role cannot use; the API stays the only real guard.
 */
export const authProvider: AuthProvider = {
  login,

  logout: async () => {
    if (readSession() !== null) {
      // Unsaved words (an exercise draft) go up while the session can still carry them.
      await flushBeforeLogout();
    }
    const session = readSession();
    forgetSignedInUser();
    if (session !== null) {
      // Server-side revocation is best effort: signing out locally must never wait on the network.
      void requestLogout(session.accessToken).catch(() => undefined);
    }
  },

  checkAuth: () => (readSession() === null ? Promise.reject(quietRejection()) : Promise.resolve()),

  checkError: async (error: unknown) => {
    // A 403 means "signed in, not allowed here"; signing the user out would hide the real problem.
    if (!isUnauthorized(error)) {
      return;
    }
    if (!wasRefreshTried(error) && (await refreshSession())) {
      return;
    }
    clearSession();
    throw new Error('ra.notification.logged_out');
  },

  getIdentity: (): Promise<UserIdentity> => {
    const session = readSession();
    if (session === null) {
      return Promise.reject(new Error('Not signed in'));
    }
    return Promise.resolve({ id: session.user.id, fullName: session.user.displayName });
  },

  getPermissions: (): Promise<UserRole> => {
    const session = readSession();
    if (session === null) {
      return Promise.reject(new Error('Not signed in'));
    }
    return Promise.resolve(session.user.role);
  },

  canAccess: ({ resource, action }: { resource: string; action: string }) => {
    const session = readSession();
    return Promise.resolve(session !== null && canRoleAccess(session.user.role, resource, action));
  },
};
