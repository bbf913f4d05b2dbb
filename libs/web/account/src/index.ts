import { lazyExport } from '@mend/web-ui';

// Reached from emails only: loaded when a link is opened, never with the app itself.
export const ForgotPasswordPage = lazyExport(
  () => import('./forgot-password-page'),
  'ForgotPasswordPage',
);
export const ResetPasswordPage = lazyExport(
  () => import('./reset-password-page'),
  'ResetPasswordPage',
);
export const AcceptInvitationPage = lazyExport(
  () => import('./accept-invitation-page'),
  'AcceptInvitationPage',
);
