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
import { NOTIFICATION_KINDS, type NotificationKind } from '@mend/shared-contracts';
import { User } from '../identity/user.entity';

/** Figures behind a notification: ids and counts, never answer text. */
export type NotificationDetail = Record<string, string | number | boolean | null>;

/** An in-app message to one user; one per delivery. */
@Entity({ name: 'notifications' })
@Unique('uq_notifications_delivery', ['clinicId', 'deliveryId'])
@Index('ix_notifications_user', ['clinicId', 'userId', 'createdAt'])
export class Notification {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_notifications' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notifications' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'enum', enum: NOTIFICATION_KINDS, enumName: 'notification_kind' })
  kind!: NotificationKind;

  @Column({ type: 'uuid', nullable: true })
  deliveryId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  occurrenceId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  coupleId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  alertId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  reportId!: string | null;

  @Column({ type: 'jsonb', default: {} })
  detail!: NotificationDetail;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_notifications_user',
    },
    {
      name: 'user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_notifications_user',
    },
  ])
  user?: User;
}
