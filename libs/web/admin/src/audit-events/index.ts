import { AuditEventList } from './audit-event-list';
import { AuditEventShow } from './audit-event-show';

/** The `audit-events` resource: read-only, as the API and the database make it. */
export const auditEvents = { list: AuditEventList, show: AuditEventShow };
