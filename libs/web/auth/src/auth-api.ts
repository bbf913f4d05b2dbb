import {
  type AuthSession,
  type LoginCredentials,
  type LoginResponse,
  type MfaVerification,
  isAuthSession,
  isMfaChallenge,
} from './auth-contract';

/** Every API call goes through the same origin; Vite (and later the reverse proxy) forwards it. */
export const API_BASE_URL = '/api';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

async function postJson(path: string, body: unknown, accessToken?: string): Promise<ApiAnswer> {
  const headers = new Headers({ Accept: 'application/json' });
  if (body !== undefined) {
    headers.set('Content-Type', 'application/json');
  }
  if (accessToken !== undefined) {
    headers.set('Authorization', `Bearer ${accessToken}`);
  }
  const response = await fetch(`${API_BASE_URL}${path}`, {
    method: 'POST',
    headers,
    body: body === undefined ? null : JSON.stringify(body),
    // Auth answers carry tokens; never let an intermediary or the browser replay them.
    cache: 'no-store',
  });
  const text = await response.text();
  let parsed: unknown = null;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      // Error pages from a proxy are HTML; the status code is what we act on.
    }
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export function requestLogin(credentials: LoginCredentials): Promise<ApiAnswer> {
  return postJson('/auth/login', credentials);
}

export function requestRefresh(refreshToken: string): Promise<ApiAnswer> {
  return postJson('/auth/refresh', { refreshToken });
}

export function requestLogout(accessToken: string): Promise<ApiAnswer> {
  return postJson('/auth/logout', undefined, accessToken);
}

export function requestMfaEnrol(challengeToken: string): Promise<ApiAnswer> {
  return postJson('/auth/mfa/enrol', { challengeToken });
}

export function requestMfaVerify(body: MfaVerification): Promise<ApiAnswer> {
  return postJson('/auth/mfa/verify', body);
}

export function requestInvitationInspect(token: string): Promise<ApiAnswer> {
  return postJson('/auth/invitations/inspect', { token });
}

export function requestInvitationAccept(body: {
  token: string;
  password: string;
  displayName?: string;
}): Promise<ApiAnswer> {
  return postJson('/auth/invitations/accept', body);
}

export function requestPasswordReset(email: string): Promise<ApiAnswer> {
  return postJson('/auth/password-reset', { email });
}

export function requestPasswordResetComplete(token: string, password: string): Promise<ApiAnswer> {
  return postJson('/auth/password-reset/complete', { token, password });
}

export interface ClinicSignup {
  clinicName: string;
  timeZone: string;
  adminName: string;
  adminEmail: string;
  password: string;
  locale: 'en' | 'es';
}

export function requestClinicSignup(body: ClinicSignup): Promise<ApiAnswer> {
  return postJson('/clinics', body);
}

export function requestEmailVerification(token: string): Promise<ApiAnswer> {
  return postJson('/auth/verify-email', { token });
}

/** The `message` of an error body (`{message, fields}` or Nest's default shape), if any. */
export function errorMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) {
    return null;
  }
  const message: unknown = (body as Record<string, unknown>)['message'];
  return typeof message === 'string' ? message : null;
}

/** The per-field messages of a 400 body: `{message, fields: {name: message}}`. */
export function fieldErrors(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null) {
    return {};
  }
  const fields: unknown = (body as Record<string, unknown>)['fields'];
  if (typeof fields !== 'object' || fields === null) {
    return {};
  }
  const result: Record<string, string> = {};
  for (const [name, message] of Object.entries(fields)) {
    if (typeof message === 'string') {
      result[name] = message;
    }
  }
  return result;
}

export function asLoginResponse(body: unknown): LoginResponse | null {
  if (isAuthSession(body) || isMfaChallenge(body)) {
    return body;
  }
  return null;
}

export function asSession(body: unknown): AuthSession | null {
  return isAuthSession(body) ? body : null;
}

/** `Retry-After` may be a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) {
    return null;
  }
  return Math.max(0, Math.ceil((at - now) / 1000));
}
