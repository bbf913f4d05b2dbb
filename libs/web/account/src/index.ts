export { ForgotPasswordPage } from './forgot-password-page';
export { ResetPasswordPage } from './reset-password-page';
export { AcceptInvitationPage } from './accept-invitation-page';
