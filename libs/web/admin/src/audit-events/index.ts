import { lazyExport } from '@mend/web-ui';

/** The `audit-events` resource: read-only, as the API and the database make it. */
export const auditEvents = {
  list: lazyExport(() => import('./audit-event-list'), 'AuditEventList'),
  show: lazyExport(() => import('./audit-event-show'), 'AuditEventShow'),
};
