import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Couple } from './couple.entity';
import { User } from '../identity/user.entity';

/** A private "I do not feel safe". Never visible to the other partner in any form. */
@Entity({ name: 'safety_flags' })
@Index('ix_safety_flags_couple', ['clinicId', 'coupleId'])
export class SafetyFlag {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_safety_flags' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_safety_flags' })
  id!: string;

  @Column({ type: 'uuid' })
  coupleId!: string;

  @Column({ type: 'uuid' })
  raisedByUserId!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedByUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  resolutionNote!: string | null;

  @ManyToOne(() => Couple, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_safety_flags_couple',
    },
    {
      name: 'couple_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_safety_flags_couple',
    },
  ])
  couple?: Couple;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_safety_flags_raised_by',
    },
    {
      name: 'raised_by_user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_safety_flags_raised_by',
    },
  ])
  raisedBy?: User;
}
