import { lazyExport } from '@mend/web-ui';

export { users } from './users';
export { auditEvents } from './audit-events';
export { clinicCouples } from './couples';
export {
  CURRENT_CLINIC,
  type AuditEventRecord,
  type ClinicCoupleRecord,
  type ClinicRecord,
  type CoupleActions,
  type InvitedUserRecord,
  type MendDataProvider,
  type UserActions,
  type UserRecord,
} from './records';

export const ClinicSettingsPage = lazyExport(
  () => import('./clinic-settings/clinic-settings-page'),
  'ClinicSettingsPage',
);

export const ClinicDashboardPage = lazyExport(
  () => import('./dashboard/clinic-dashboard-page'),
  'ClinicDashboardPage',
);
