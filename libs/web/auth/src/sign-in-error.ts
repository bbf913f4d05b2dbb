import type { MfaChallenge } from './auth-contract';

/**
 * Why a sign-in attempt failed. The login page turns the code into words in the reader's language;
 * `message` stays in English for logs and for react-admin's default notification.
 */
export type SignInFailure =
  | 'mfa_required'
  | 'invalid_credentials'
  | 'invalid_code'
  | 'mfa_expired'
  | 'rate_limited'
  | 'unavailable';

export class SignInError extends Error {
  override readonly name = 'SignInError';

  constructor(
    readonly failure: SignInFailure,
    message: string,
    /** Only for `rate_limited`: how long the server asked us to wait, when it said so. */
    readonly retryAfterSeconds: number | null = null,
    /** Only for `mfa_required`: the challenge that the second step answers. */
    readonly challenge: MfaChallenge | null = null,
  ) {
    super(message);
  }
}

export function isSignInError(error: unknown): error is SignInError {
  return error instanceof SignInError;
}
