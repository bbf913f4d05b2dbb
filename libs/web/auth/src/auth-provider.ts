import type { UserRole } from '@mend/shared-contracts';
import type { AuthProvider, UserIdentity } from 'react-admin';

import { asLoginResponse, parseRetryAfter, requestLogin, requestLogout } from './auth-api';
import { isLoginCredentials } from './auth-contract';
import { isUnauthorized, wasRefreshTried } from './http-client';
import { refreshSession } from './session-refresh';
import { clearSession, readSession, writeSession } from './session-store';
import { SignInError } from './sign-in-error';

export const MFA_REQUIRED_MESSAGE = 'Multi-factor sign-in is required for this account';

/**
 * react-admin skips its "please log in" notification when a rejection's `message` is `false`.
 * Someone who simply has not signed in yet should reach the login page without an error toast.
 */
function quietRejection(): Error {
  return Object.assign(new Error('Not signed in'), { message: false });
}

async function login(params: unknown): Promise<void> {
  if (!isLoginCredentials(params)) {
    throw new SignInError('invalid_credentials', 'Enter an email and a password.');
  }
  let answer;
  try {
    answer = await requestLogin({ email: params.email.trim(), password: params.password });
  } catch {
    throw new SignInError('unavailable', 'The sign-in service could not be reached.');
  }

  if (answer.status === 401) {
    throw new SignInError('invalid_credentials', 'The email or password was not accepted.');
  }
  if (answer.status === 429) {
    throw new SignInError(
      'rate_limited',
      'Too many sign-in attempts; try again later.',
      parseRetryAfter(answer.headers.get('Retry-After')),
    );
  }
  const body = answer.status === 200 ? asLoginResponse(answer.body) : null;
  if (body === null) {
    // Only the status is logged: the body may hold tokens.
    console.error(`Sign-in answer did not match the expected contract (HTTP ${answer.status})`);
    throw new SignInError('unavailable', `Unexpected sign-in answer (HTTP ${answer.status}).`);
  }
  if ('mfaRequired' in body) {
    // The challenge token is deliberately dropped: the second-factor screen does not exist yet.
    throw new SignInError('mfa_required', MFA_REQUIRED_MESSAGE);
  }
  writeSession(body);
}

export const authProvider: AuthProvider = {
  login,

  logout: () => {
    const session = readSession();
    clearSession();
    if (session !== null) {
      // Server-side revocation is best effort: signing out locally must never wait on the network.
      void requestLogout(session.accessToken).catch(() => undefined);
    }
    return Promise.resolve();
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
};
