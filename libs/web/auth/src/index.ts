export { authProvider, MFA_REQUIRED_MESSAGE } from './auth-provider';
export { canRoleAccess } from './access';
export { asBackgroundRequest, httpClient } from './http-client';
export { registerFlushBeforeLogout, type PendingSave } from './flush-before-logout';
export { WARNING_LEAD_MS, idleState, type IdleState } from './idle-policy';
export { idleLimitMs, lastActiveAt, recordActivity, reportActivityIfDue } from './inactivity';
export { API_BASE_URL, fieldErrors, type ClinicSignup } from './auth-api';
export {
  apiErrorMessage,
  fieldProblems,
  getFile,
  getJson,
  listQuery,
  sendJson,
} from './api-requests';
export { startMfaEnrolment } from './mfa';
export {
  acceptInvitation,
  askForPasswordReset,
  completePasswordReset,
  inspectInvitation,
  signUpClinic,
  verifyClinicEmail,
  type AccountFailure,
  type AccountResult,
} from './account';
export { SignInError, isSignInError, type SignInFailure } from './sign-in-error';
export {
  USER_LOCALES,
  isUserRole,
  type AuthSession,
  type AuthUser,
  type InvitationSummary,
  type LoginCredentials,
  type LoginResponse,
  type MfaChallenge,
  type MfaEnrolment,
  type MfaVerification,
  type SignInOutcome,
  type UserLocale,
} from './auth-contract';
