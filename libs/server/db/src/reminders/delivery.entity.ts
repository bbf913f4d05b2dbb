import {
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
  DELIVERY_KINDS,
  DELIVERY_STATUSES,
  type DeliveryKind,
  type DeliveryStatus,
} from '@mend/shared-contracts';
import { User } from '../identity/user.entity';

/**
 * One thing to send to one person, at most once: the unique key (recipient, kind, subject) is
 * claimed in PostgreSQL before anything goes out, whatever the queue remembers.
 */
@Entity({ name: 'deliveries' })
@Unique('uq_deliveries_key', ['clinicId', 'recipientUserId', 'kind', 'subjectKey'])
@Index('ix_deliveries_due', ['status', 'dueAt'])
@Index('ix_deliveries_occurrence', ['clinicId', 'occurrenceId'])
@Index('ix_deliveries_replan', ['clinicId'], { where: 'replan_requested_at IS NOT NULL' })
export class Delivery {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_deliveries' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_deliveries' })
  id!: string;

  @Column({ type: 'enum', enum: DELIVERY_KINDS, enumName: 'delivery_kind' })
  kind!: DeliveryKind;

  @Column({ type: 'uuid' })
  recipientUserId!: string;

  /**
   * The occurrence id (nudges), the alert id (escalations), the local date (digests) or the
   * message id (messages).
   */
  @Column({ type: 'text' })
  subjectKey!: string;

  @Column({ type: 'uuid', nullable: true })
  occurrenceId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  alertId!: string | null;

  /** The message a `message` delivery says is waiting (never its text). */
  @Column({ type: 'uuid', nullable: true })
  messageId!: string | null;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({
    type: 'enum',
    enum: DELIVERY_STATUSES,
    enumName: 'delivery_status',
    default: 'planned',
  })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** While `sending`: after this instant the sender is presumed dead and the planner retakes it. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  /** The error of the last failed attempt: a code, never an address or message content. */
  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  emailSentAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /**
   * Set when a rule this delivery was timed by changed (see requestReminderReplanning); the
   * next planning pass times it again or withdraws it, and clears the mark.
   */
  @Column({ type: 'timestamptz', nullable: true })
  replanRequestedAt!: Date | null;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_deliveries_recipient',
    },
    {
      name: 'recipient_user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_deliveries_recipient',
    },
  ])
  recipient?: User;
}
