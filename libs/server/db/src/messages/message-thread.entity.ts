import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MESSAGE_THREAD_KINDS, type MessageThreadKind } from '@mend/shared-contracts';
import { Couple } from '../clinical/couple.entity';
import { User } from '../identity/user.entity';

/**
 * A conversation of one couple with their therapists: the couple thread, or one partner's
 * private thread (`partnerUserId`), which the other partner must never learn exists.
 */
@Entity({ name: 'message_threads' })
@Check('ck_message_threads_partner', `((kind = 'private') = (partner_user_id IS NOT NULL))`)
@Index('uq_message_threads_couple', ['clinicId', 'coupleId'], {
  unique: true,
  where: `kind = 'couple'`,
})
@Index('uq_message_threads_private', ['clinicId', 'coupleId', 'partnerUserId'], {
  unique: true,
  where: `kind = 'private'`,
})
export class MessageThread {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_message_threads' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_message_threads' })
  id!: string;

  @Column({ type: 'uuid' })
  coupleId!: string;

  @Column({ type: 'enum', enum: MESSAGE_THREAD_KINDS, enumName: 'message_thread_kind' })
  kind!: MessageThreadKind;

  @Column({ type: 'uuid', nullable: true })
  partnerUserId!: string | null;

  /** The number of the thread's latest message; taking the next one locks the thread row. */
  @Column({ type: 'integer', default: 0 })
  lastSeq!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastMessageAt!: Date | null;

  @Column({ type: 'uuid' })
  createdByUserId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => Couple, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_message_threads_couple',
    },
    {
      name: 'couple_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_message_threads_couple',
    },
  ])
  couple?: Couple;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_message_threads_partner',
    },
    {
      name: 'partner_user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_message_threads_partner',
    },
  ])
  partner?: User;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_message_threads_created_by',
    },
    {
      name: 'created_by_user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_message_threads_created_by',
    },
  ])
  createdBy?: User;
}
