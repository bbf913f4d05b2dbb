import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { PROMISE_STATUSES, type PromiseStatus } from '@mend/shared-contracts';
import { Couple } from './couple.entity';
import { User } from '../identity/user.entity';

/** A concrete commitment one partner makes; the other partner says whether it was kept. */
@Entity({ name: 'promises' })
@Index('ix_promises_couple', ['clinicId', 'coupleId', 'dueDate'])
export class PartnerPromise {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_promises' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_promises' })
  id!: string;

  @Column({ type: 'uuid' })
  coupleId!: string;

  @Column({ type: 'uuid' })
  promiserUserId!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'enum', enum: PROMISE_STATUSES, enumName: 'promise_status', default: 'open' })
  status!: PromiseStatus;

  @Column({ type: 'uuid', nullable: true })
  confirmedByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  confirmationNote!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => Couple, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_promises_couple',
    },
    {
      name: 'couple_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_promises_couple',
    },
  ])
  couple?: Couple;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_promises_promiser',
    },
    {
      name: 'promiser_user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_promises_promiser',
    },
  ])
  promiser?: User;
}
