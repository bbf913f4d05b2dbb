import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { USER_ROLES, USER_STATUSES, type UserRole, type UserStatus } from '@mend/shared-contracts';
import { Clinic } from './clinic.entity';

@Entity({ name: 'users' })
@Unique('uq_users_email', ['clinicId', 'email'])
@Check('ck_users_email_lower', 'email = lower(email)')
export class User {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_users' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_users' })
  id!: string;

  @ManyToOne(() => Clinic, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'clinic_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'fk_users_clinic',
  })
  clinic?: Clinic;

  /** Always stored lower-case, so uniqueness and sign-in ignore case. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'enum', enum: USER_ROLES, enumName: 'user_role' })
  role!: UserRole;

  @Column({ type: 'enum', enum: USER_STATUSES, enumName: 'user_status', default: 'invited' })
  status!: UserStatus;

  /** argon2id; null until an invited user sets a password. */
  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'text', default: 'en' })
  locale!: string;

  @Column({ type: 'text', default: 'UTC' })
  timeZone!: string;

  @Column({ type: 'text', nullable: true })
  mfaSecret!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  mfaEnabledAt!: Date | null;

  /** The last TOTP time step accepted: a code is good once, never again. */
  @Column({
    type: 'bigint',
    nullable: true,
    transformer: {
      to: (v: unknown) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  mfaLastStep!: number | null;

  @Column({ type: 'integer', default: 0 })
  failedLogins!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  /** Preferred local time for due-day reminders; null uses an offset before the due time. */
  @Column({ type: 'time', nullable: true })
  reminderTime!: string | null;

  /** Personal quiet hours; null falls back to the clinic's. */
  @Column({ type: 'time', nullable: true })
  quietHoursStart!: string | null;

  @Column({ type: 'time', nullable: true })
  quietHoursEnd!: string | null;

  @Column({ type: 'boolean', default: true })
  emailReminders!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
