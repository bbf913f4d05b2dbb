import {
  type ApiAnswer,
  type ClinicSignup,
  errorMessage,
  fieldErrors,
  parseRetryAfter,
  requestClinicSignup,
  requestEmailVerification,
  requestInvitationAccept,
  requestInvitationInspect,
  requestPasswordReset,
  requestPasswordResetComplete,
} from './auth-api';
import { type InvitationSummary, isInvitationSummary } from './auth-contract';

/** Why an account request (invitation, password reset) did not go through. */
export interface AccountFailure {
  ok: false;
  /** `invalid`: the server refused the input (see `fields`); `link`: the emailed link is spent. */
  reason: 'invalid' | 'link' | 'rate_limited' | 'unavailable';
  message: string | null;
  fields: Record<string, string>;
  retryAfterSeconds: number | null;
}

export type AccountResult<T = undefined> = { ok: true; value: T } | AccountFailure;

function failure(answer: ApiAnswer | null): AccountFailure {
  if (answer === null) {
    return { ok: false, reason: 'unavailable', message: null, fields: {}, retryAfterSeconds: null };
  }
  const fields = fieldErrors(answer.body);
  const base = { ok: false as const, message: errorMessage(answer.body), fields };
  if (answer.status === 429) {
    return {
      ...base,
      reason: 'rate_limited',
      retryAfterSeconds: parseRetryAfter(answer.headers.get('Retry-After')),
    };
  }
  if (answer.status === 400) {
    // The token is the one field the person cannot fix on the page: the link itself is spent.
    const reason = 'token' in fields ? 'link' : 'invalid';
    return { ...base, reason, retryAfterSeconds: null };
  }
  return { ...base, reason: 'unavailable', retryAfterSeconds: null };
}

async function attempt(request: () => Promise<ApiAnswer>): Promise<ApiAnswer | null> {
  try {
    return await request();
  } catch {
    return null;
  }
}

export async function inspectInvitation(token: string): Promise<AccountResult<InvitationSummary>> {
  const answer = await attempt(() => requestInvitationInspect(token));
  if (answer?.status === 200 && isInvitationSummary(answer.body)) {
    return { ok: true, value: answer.body };
  }
  return failure(answer);
}

export async function acceptInvitation(body: {
  token: string;
  password: string;
  displayName?: string;
}): Promise<AccountResult> {
  const answer = await attempt(() => requestInvitationAccept(body));
  return answer?.status === 204 ? { ok: true, value: undefined } : failure(answer);
}

/** The server answers 202 whether or not the address has an account, and so does the page. */
export async function askForPasswordReset(email: string): Promise<AccountResult> {
  const answer = await attempt(() => requestPasswordReset(email.trim()));
  return answer !== null && answer.status >= 200 && answer.status < 300
    ? { ok: true, value: undefined }
    : failure(answer);
}

export async function completePasswordReset(
  token: string,
  password: string,
): Promise<AccountResult> {
  const answer = await attempt(() => requestPasswordResetComplete(token, password));
  return answer?.status === 204 ? { ok: true, value: undefined } : failure(answer);
}

/** A new clinic and its first admin; the admin's email is verified by the link mailed next. */
export async function signUpClinic(body: ClinicSignup): Promise<AccountResult> {
  const answer = await attempt(() =>
    requestClinicSignup({
      ...body,
      clinicName: body.clinicName.trim(),
      adminName: body.adminName.trim(),
      adminEmail: body.adminEmail.trim(),
    }),
  );
  return answer?.status === 201 ? { ok: true, value: undefined } : failure(answer);
}

export async function verifyClinicEmail(token: string): Promise<AccountResult> {
  const answer = await attempt(() => requestEmailVerification(token));
  return answer?.status === 204 ? { ok: true, value: undefined } : failure(answer);
}
