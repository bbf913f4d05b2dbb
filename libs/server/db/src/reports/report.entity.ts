import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import {
  REPORT_KINDS,
  REPORT_STATUSES,
  type ReportKind,
  type ReportStatus,
} from '@mend/shared-contracts';
import { Couple } from '../clinical/couple.entity';
import { User } from '../identity/user.entity';

/**
 * One report, built once: the unique key (kind, subject, period) is claimed in PostgreSQL when
 * it is asked for, whatever the queue remembers. Status and progress are the worker's.
 */
@Entity({ name: 'reports' })
@Unique('uq_reports_key', ['clinicId', 'kind', 'subjectKey', 'periodStart', 'periodEnd'])
@Check('ck_reports_progress', 'progress BETWEEN 0 AND 100')
@Check('ck_reports_period', 'period_start <= period_end')
@Index('ix_reports_expires', ['expiresAt'], { where: 'expires_at IS NOT NULL' })
@Index('ix_reports_requester', ['clinicId', 'requestedByUserId'])
export class Report {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_reports' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_reports' })
  id!: string;

  @Column({ type: 'enum', enum: REPORT_KINDS, enumName: 'report_kind' })
  kind!: ReportKind;

  /** `clinic`, a couple id, or a couple and a person (an export is its requester's own). */
  @Column({ type: 'text' })
  subjectKey!: string;

  @Column({ type: 'date' })
  periodStart!: string;

  @Column({ type: 'date' })
  periodEnd!: string;

  @Column({ type: 'uuid', nullable: true })
  coupleId!: string | null;

  /** Null for the monthly schedule's reports. */
  @Column({ type: 'uuid', nullable: true })
  requestedByUserId!: string | null;

  @Column({ type: 'text', default: 'en' })
  locale!: string;

  @Column({ type: 'enum', enum: REPORT_STATUSES, enumName: 'report_status', default: 'queued' })
  status!: ReportStatus;

  @Column({ type: 'integer', default: 0 })
  progress!: number;

  /** Bumped when a failed report is asked for again, so its new job has a new id. */
  @Column({ type: 'integer', default: 1 })
  generation!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  notifiedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_reports_requester',
    },
    {
      name: 'requested_by_user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_reports_requester',
    },
  ])
  requester?: User;

  @ManyToOne(() => Couple, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_reports_couple',
    },
    {
      name: 'couple_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_reports_couple',
    },
  ])
  couple?: Couple;
}
