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
import { User } from '../identity/user.entity';
import { MessageThread } from './message-thread.entity';

/**
 * One message, never edited or deleted; a therapist may hide it from the partners, with a
 * reason. `seq` numbers it within its thread.
 */
@Entity({ name: 'messages' })
@Unique('uq_messages_seq', ['clinicId', 'threadId', 'seq'])
@Index('ix_messages_author', ['clinicId', 'authorUserId', 'createdAt'])
export class Message {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_messages' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_messages' })
  id!: string;

  @Column({ type: 'uuid' })
  threadId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'uuid' })
  authorUserId!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  hiddenByUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  hiddenReason!: string | null;

  @ManyToOne(() => MessageThread, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_messages_thread',
    },
    {
      name: 'thread_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_messages_thread',
    },
  ])
  thread?: MessageThread;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_messages_author',
    },
    {
      name: 'author_user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_messages_author',
    },
  ])
  author?: User;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_messages_hidden_by',
    },
    {
      name: 'hidden_by_user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_messages_hidden_by',
    },
  ])
  hiddenBy?: User;
}
