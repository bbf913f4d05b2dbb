import { USER_ROLES, type UserRole } from '@mend/shared-contracts';

/*
 * The web side of the `/api/auth/*` contract. The response shapes belong in
 * `@mend/shared-contracts` once the server publishes them there (roles already are); until then
 * the guards below are the single place that decides whether a server answer is usable, so a
 * contract drift fails loudly instead of half-working.
 */

export const USER_LOCALES = ['en', 'es'] as const;
export type UserLocale = (typeof USER_LOCALES)[number];

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  clinicId: string;
  clinicName: string;
  locale: UserLocale;
  /** The clinic's idle limit; the API refuses the session after this long without use. */
  inactivityTimeoutMinutes: number;
}

/** Body of a successful `POST /api/auth/login` or `POST /api/auth/refresh`. */
export interface AuthSession {
  accessToken: string;
  refreshToken: string;
  user: AuthUser;
}

/** Body of `POST /api/auth/login` when the password was right but a second factor is needed. */
export interface MfaChallenge {
  mfaRequired: true;
  challengeToken: string;
  enrolmentRequired: boolean;
}

export type LoginResponse = AuthSession | MfaChallenge;

/** Body of `POST /api/auth/mfa/enrol`: a pending secret, active once a code proves it. */
export interface MfaEnrolment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

/** The second sign-in step: the challenge from step one and either a TOTP or a recovery code. */
export type MfaVerification =
  { challengeToken: string; code: string } | { challengeToken: string; recoveryCode: string };

/** What `authProvider.login` resolves with; recovery codes only when it completed enrolment. */
export interface SignInOutcome {
  recoveryCodes?: string[];
}

/** Body of `POST /api/auth/invitations/inspect`. */
export interface InvitationSummary {
  email: string;
  displayName: string;
  clinicName: string;
  role: UserRole;
  expiresAt: string;
}

export interface LoginCredentials {
  email: string;
  password: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isOneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

export function isUserRole(value: unknown): value is UserRole {
  return isOneOf(USER_ROLES, value);
}

export function isAuthUser(value: unknown): value is AuthUser {
  return (
    isRecord(value) &&
    isNonEmptyString(value['id']) &&
    isNonEmptyString(value['email']) &&
    typeof value['displayName'] === 'string' &&
    isUserRole(value['role']) &&
    isNonEmptyString(value['clinicId']) &&
    typeof value['clinicName'] === 'string' &&
    isOneOf(USER_LOCALES, value['locale']) &&
    typeof value['inactivityTimeoutMinutes'] === 'number' &&
    value['inactivityTimeoutMinutes'] > 0
  );
}

export function isAuthSession(value: unknown): value is AuthSession {
  return (
    isRecord(value) &&
    isNonEmptyString(value['accessToken']) &&
    isNonEmptyString(value['refreshToken']) &&
    isAuthUser(value['user'])
  );
}

export function isMfaChallenge(value: unknown): value is MfaChallenge {
  return (
    isRecord(value) &&
    value['mfaRequired'] === true &&
    isNonEmptyString(value['challengeToken']) &&
    typeof value['enrolmentRequired'] === 'boolean'
  );
}

export function isMfaEnrolment(value: unknown): value is MfaEnrolment {
  return (
    isRecord(value) &&
    isNonEmptyString(value['secret']) &&
    typeof value['otpauthUri'] === 'string' &&
    isNonEmptyString(value['qrCodeDataUrl'])
  );
}

export function isMfaVerification(value: unknown): value is MfaVerification {
  return (
    isRecord(value) &&
    isNonEmptyString(value['challengeToken']) &&
    (typeof value['code'] === 'string') !== (typeof value['recoveryCode'] === 'string')
  );
}

export function readRecoveryCodes(value: unknown): string[] | undefined {
  if (!isRecord(value) || !Array.isArray(value['recoveryCodes'])) {
    return undefined;
  }
  const codes: unknown[] = value['recoveryCodes'];
  return codes.every((code): code is string => typeof code === 'string') ? codes : undefined;
}

export function isInvitationSummary(value: unknown): value is InvitationSummary {
  return (
    isRecord(value) &&
    typeof value['email'] === 'string' &&
    typeof value['displayName'] === 'string' &&
    typeof value['clinicName'] === 'string' &&
    isUserRole(value['role']) &&
    typeof value['expiresAt'] === 'string'
  );
}

export function isLoginCredentials(value: unknown): value is LoginCredentials {
  return (
    isRecord(value) && typeof value['email'] === 'string' && typeof value['password'] === 'string'
  );
}
