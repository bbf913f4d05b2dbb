import type { CoupleStatus, UserRole, UserStatus } from '@mend/shared-contracts';
import type { DataProvider } from 'react-admin';

/** Web-side mirrors of the API's UserDto, AuditEventDto and ClinicDto (see the OpenAPI spec). */
export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  role: UserRole;
  status: UserStatus;
  locale: 'en' | 'es';
  timeZone: string;
  mfaEnabled: boolean;
  createdAt: string;
}

export interface InvitedUserRecord extends UserRecord {
  /** False when the email could not be sent; the admin can resend it later. */
  invitationSent: boolean;
}

export interface AuditEventRecord {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  requestId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export interface ClinicRecord {
  id: string;
  name: string;
  timeZone: string;
  requireStaffMfa: boolean;
  inactivityTimeoutMinutes: number;
  reportRetentionDays: number;
  quietHoursStart: string;
  quietHoursEnd: string;
  secretsPolicy: string;
  /** The notice every message thread shows; null: Mend's wording in each reader's language. */
  messagesNotice: string | null;
}

/** The admin's view of a couple (the API's CoupleDto): who is in it and who treats it. */
export interface ClinicCoupleRecord {
  id: string;
  label: string;
  status: CoupleStatus;
  partners: { id: string; displayName: string }[];
  therapists: { id: string; displayName: string }[];
  createdAt: string;
}

/** The actions on people that are not plain CRUD; the app's data provider implements them. */
export interface UserActions {
  resendInvitation(id: string): Promise<InvitedUserRecord>;
  deactivateUser(id: string): Promise<UserRecord>;
}

/** Reassigning replaces a couple's therapists with exactly the set given (admins only). */
export interface CoupleActions {
  reassignTherapists(id: string, therapistIds: string[]): Promise<ClinicCoupleRecord>;
}

export type MendDataProvider = DataProvider & UserActions & CoupleActions;

/** The clinic is a singleton for its admin: `getOne('clinic', { id: CURRENT_CLINIC })`. */
export const CURRENT_CLINIC = 'current';
