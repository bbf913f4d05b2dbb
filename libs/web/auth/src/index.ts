export { authProvider, MFA_REQUIRED_MESSAGE } from './auth-provider';
export { httpClient } from './http-client';
export { API_BASE_URL } from './auth-api';
export { SignInError, isSignInError, type SignInFailure } from './sign-in-error';
export {
  USER_LOCALES,
  isUserRole,
  type AuthSession,
  type AuthUser,
  type LoginCredentials,
  type LoginResponse,
  type MfaChallenge,
  type UserLocale,
} from './auth-contract';
