import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A tenant. Its own id is the `clinic_id` every other tenant row carries. */
@Entity({ name: 'clinics' })
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

  /** Missed occurrences in a row before the therapists get an alert. */
  @Column({ type: 'integer', default: 3 })
  missedAlertThreshold!: number;

  /** SECURITY.md: admins read private answers only when the clinic's policy grants it. */
  @Column({ type: 'boolean', default: false })
  adminReadsPrivateAnswers!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** NULL until the first admin of a self-signed-up clinic follows the emailed link. */
  @Column({ type: 'timestamptz', nullable: true, default: () => 'now()' })
  emailVerifiedAt!: Date | null;
}
