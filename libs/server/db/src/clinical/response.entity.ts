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
import { RESPONSE_STATUSES, type ResponseStatus } from '@mend/shared-contracts';
import { Couple } from './couple.entity';
import { Occurrence } from './occurrence.entity';
import { User } from '../identity/user.entity';
import type { StoredAnswers } from './clinical-json';

/** A partner's answers to an occurrence: a draft until submitted, one per partner and occurrence. */
@Entity({ name: 'responses' })
@Unique('uq_responses_author', ['clinicId', 'occurrenceId', 'authorUserId'])
@Unique('uq_responses_idempotency', ['clinicId', 'authorUserId', 'idempotencyKey'])
@Index('ix_responses_couple', ['clinicId', 'coupleId', 'submittedAt'])
export class Response {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_responses' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_responses' })
  id!: string;

  @Column({ type: 'uuid' })
  occurrenceId!: string;

  @Column({ type: 'uuid' })
  coupleId!: string;

  @Column({ type: 'uuid' })
  authorUserId!: string;

  @Column({ type: 'enum', enum: RESPONSE_STATUSES, enumName: 'response_status', default: 'draft' })
  status!: ResponseStatus;

  /** promptId → { value, visibility }. */
  @Column({ type: 'jsonb', default: {} })
  answers!: StoredAnswers;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ type: 'uuid', nullable: true })
  confirmedByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** For exercises the therapist reviews before the partner may see them. */
  @Column({ type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedByUserId!: string | null;

  /** The Idempotency-Key sent with the submission: a retry with it replays the result. */
  @Column({ type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @ManyToOne(() => Occurrence, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_responses_occurrence',
    },
    {
      name: 'occurrence_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_responses_occurrence',
    },
  ])
  occurrence?: Occurrence;

  @ManyToOne(() => Couple, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_responses_couple',
    },
    {
      name: 'couple_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_responses_couple',
    },
  ])
  couple?: Couple;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_responses_author',
    },
    {
      name: 'author_user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_responses_author',
    },
  ])
  author?: User;
}
