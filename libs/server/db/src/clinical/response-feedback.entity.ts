import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Response } from './response.entity';
import { User } from '../identity/user.entity';

/** A therapist's comment on a response, seen by whoever may see the response. */
@Entity({ name: 'response_feedback' })
@Index('ix_response_feedback_response', ['clinicId', 'responseId'])
export class ResponseFeedback {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_response_feedback' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_response_feedback' })
  id!: string;

  @Column({ type: 'uuid' })
  responseId!: string;

  @Column({ type: 'uuid' })
  authorUserId!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => Response, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_response_feedback_response',
    },
    {
      name: 'response_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_response_feedback_response',
    },
  ])
  response?: Response;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_response_feedback_author',
    },
    {
      name: 'author_user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_response_feedback_author',
    },
  ])
  author?: User;
}
