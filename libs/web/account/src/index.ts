export { ForgotPasswordPage } from './forgot-password-page';
export { ResetPasswordPage } from './reset-password-page';
export { AcceptInvitationPage } from './accept-invitation-page';
export { NotificationBell } from './notifications/notification-bell';
export { NotificationsPage } from './notifications/notifications-page';
export { PreferencesPage } from './preferences/preferences-page';
export { PreferencesMenuItem } from './preferences/preferences-menu-item';
export { accountMessagesEn, type AccountMessages } from './i18n/account-messages.en';
export { accountMessagesEs } from './i18n/account-messages.es';
