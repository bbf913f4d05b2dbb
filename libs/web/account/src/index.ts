import { lazyExport } from '@mend/web-ui';

export { NotificationBell } from './notifications/notification-bell';
export { PreferencesMenuItem } from './preferences/preferences-menu-item';
export { ReportsMenuItem } from './reports/reports-menu-item';
export { reportsApi, type ReportRecord } from './reports/reports-api';
export { accountMessagesEn, type AccountMessages } from './i18n/account-messages.en';
export { accountMessagesEs } from './i18n/account-messages.es';

// Pages: each loaded when first opened, never with the app itself.
export const NotificationsPage = lazyExport(
  () => import('./notifications/notifications-page'),
  'NotificationsPage',
);
export const PreferencesPage = lazyExport(
  () => import('./preferences/preferences-page'),
  'PreferencesPage',
);
export const ReportsPage = lazyExport(() => import('./reports/reports-page'), 'ReportsPage');
// Reached from emails only.
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
export const SignupPage = lazyExport(() => import('./signup-page'), 'SignupPage');
export const VerifyEmailPage = lazyExport(() => import('./verify-email-page'), 'VerifyEmailPage');
