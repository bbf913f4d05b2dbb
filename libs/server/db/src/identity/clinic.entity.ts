import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A tenant. Its own id is the `clinic_id` every other tenant row carries. */
@Entity({ name: 'clinics' })
@Check('ck_clinics_report_retention', 'report_retention_days BETWEEN 1 AND 3650')
export class Clinic {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_clinics' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: 'UTC' })
  timeZone!: string;

  @Column({ type: 'boolean', default: true })
  requireStaffMfa!: boolean;

  @Column({ type: 'integer', default: 30 })
  inactivityTimeoutMinutes!: number;

  @Column({ type: 'time', default: '21:00:00' })
  quietHoursStart!: string;

  @Column({ type: 'time', default: '08:00:00' })
  quietHoursEnd!: string;

  @Column({ type: 'text', default: '' })
  secretsPolicy!: string;

  /** The "not monitored around the clock" notice every thread shows; NULL: Mend's wording. */
  @Column({ type: 'text', nullable: true })
  messagesNotice!: string | null;

  /** Missed occurrences in a row before the therapists get an alert. */
  @Column({ type: 'integer', default: 3 })
  missedAlertThreshold!: number;

  /** SECURITY.md: admins read private answers only when the clinic's policy grants it. */
  @Column({ type: 'boolean', default: false })
  adminReadsPrivateAnswers!: boolean;

  /** Days a built report is kept before the sweep deletes it. */
  @Column({ type: 'integer', default: 90 })
  reportRetentionDays!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** NULL until the first admin of a self-signed-up clinic follows the emailed link. */
  @Column({ type: 'timestamptz', nullable: true, default: () => 'now()' })
  emailVerifiedAt!: Date | null;
}
