import { Alert } from './clinical/alert.entity';
import { Assignment } from './clinical/assignment.entity';
import { CouplePartner } from './clinical/couple-partner.entity';
import { CoupleTherapist } from './clinical/couple-therapist.entity';
import { Couple } from './clinical/couple.entity';
import { ExerciseVersion } from './clinical/exercise-version.entity';
import { Exercise } from './clinical/exercise.entity';
import { Occurrence } from './clinical/occurrence.entity';
import { PartnerPromise } from './clinical/partner-promise.entity';
import { Program } from './clinical/program.entity';
import { ResponseFeedback } from './clinical/response-feedback.entity';
import { Response } from './clinical/response.entity';
import { SafetyFlag } from './clinical/safety-flag.entity';
import { AuditEvent } from './identity/audit-event.entity';
import { Clinic } from './identity/clinic.entity';
import { MfaRecoveryCode } from './identity/mfa-recovery-code.entity';
import { RetiredRefreshToken } from './identity/retired-refresh-token.entity';
import { Session } from './identity/session.entity';
import { User } from './identity/user.entity';
import { UserToken } from './identity/user-token.entity';
import { WorkerHeartbeat } from './platform/worker-heartbeat.entity';
import { Delivery } from './reminders/delivery.entity';
import { Notification } from './reminders/notification.entity';
import { ReminderPlan } from './reminders/reminder-plan.entity';

/** Every entity the data source maps. The schema-drift check compares these to the database. */
export const ENTITIES = [
  WorkerHeartbeat,
  Clinic,
  User,
  Session,
  RetiredRefreshToken,
  AuditEvent,
  MfaRecoveryCode,
  UserToken,
  Alert,
  Assignment,
  CouplePartner,
  CoupleTherapist,
  Couple,
  ExerciseVersion,
  Exercise,
  Occurrence,
  PartnerPromise,
  Program,
  ResponseFeedback,
  Response,
  SafetyFlag,
  Delivery,
  Notification,
  ReminderPlan,
];
