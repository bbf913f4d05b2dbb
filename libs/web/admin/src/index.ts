export { users } from './users';
export { auditEvents } from './audit-events';
export { ClinicSettingsPage } from './clinic-settings/clinic-settings-page';
export {
  CURRENT_CLINIC,
  type AuditEventRecord,
  type ClinicRecord,
  type InvitedUserRecord,
  type MendDataProvider,
  type UserActions,
  type UserRecord,
} from './records';
