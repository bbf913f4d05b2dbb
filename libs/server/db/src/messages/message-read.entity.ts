import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../identity/user.entity';
import { MessageThread } from './message-thread.entity';

/** How far one person has read one thread: the `seq` of the last message they have seen. */
@Entity({ name: 'message_reads' })
export class MessageRead {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_message_reads' })
  clinicId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_message_reads' })
  threadId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_message_reads' })
  userId!: string;

  @Column({ type: 'integer', default: 0 })
  readSeq!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  readAt!: Date;

  @ManyToOne(() => MessageThread, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_message_reads_thread',
    },
    {
      name: 'thread_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_message_reads_thread',
    },
  ])
  thread?: MessageThread;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_message_reads_user',
    },
    {
      name: 'user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_message_reads_user',
    },
  ])
  user?: User;
}
