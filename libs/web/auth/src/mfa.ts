import { type ApiAnswer, parseRetryAfter, requestMfaEnrol } from './auth-api';
import { type MfaEnrolment, isMfaEnrolment } from './auth-contract';
import { SignInError } from './sign-in-error';

/**
 * Starts enrolment during sign-in: a fresh secret and its QR code. Touches no session; the code
 * that proves the secret goes through `authProvider.login`.
 * Rejects with `mfa_expired` when the challenge is too old, `mfa_required` when the account is
 * already enrolled (the page then just asks for a code).
 */
export async function startMfaEnrolment(challengeToken: string): Promise<MfaEnrolment> {
  let answer: ApiAnswer;
  try {
    answer = await requestMfaEnrol(challengeToken);
  } catch {
    throw new SignInError('unavailable', 'The sign-in service could not be reached.');
  }
  if (answer.status === 401) {
    throw new SignInError('mfa_expired', 'The sign-in step expired.');
  }
  if (answer.status === 409) {
    throw new SignInError('mfa_required', 'Already enrolled; enter a code.');
  }
  if (answer.status === 429) {
    throw new SignInError(
      'rate_limited',
      'Too many attempts.',
      parseRetryAfter(answer.headers.get('Retry-After')),
    );
  }
  if (answer.status !== 200 || !isMfaEnrolment(answer.body)) {
    throw new SignInError('unavailable', `Unexpected enrolment answer (HTTP ${answer.status}).`);
  }
  return answer.body;
}
