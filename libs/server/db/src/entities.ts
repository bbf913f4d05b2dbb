import { AuditEvent } from './identity/audit-event.entity';
import { Clinic } from './identity/clinic.entity';
import { MfaRecoveryCode } from './identity/mfa-recovery-code.entity';
import { Session } from './identity/session.entity';
import { User } from './identity/user.entity';
import { UserToken } from './identity/user-token.entity';
import { WorkerHeartbeat } from './platform/worker-heartbeat.entity';

/** Every entity the data source maps. The schema-drift check compares these to the database. */
export const ENTITIES = [
  WorkerHeartbeat,
  Clinic,
  User,
  Session,
  AuditEvent,
  MfaRecoveryCode,
  UserToken,
];
