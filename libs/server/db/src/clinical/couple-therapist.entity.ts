import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Couple } from './couple.entity';
import { User } from '../identity/user.entity';

/** Therapists working with a couple; admins reassign them. */
@Entity({ name: 'couple_therapists' })
@Index('ix_couple_therapists_therapist', ['clinicId', 'therapistUserId'])
export class CoupleTherapist {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_couple_therapists' })
  clinicId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_couple_therapists' })
  coupleId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_couple_therapists' })
  therapistUserId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  assignedAt!: Date;

  @ManyToOne(() => Couple, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_couple_therapists_couple',
    },
    {
      name: 'couple_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_couple_therapists_couple',
    },
  ])
  couple?: Couple;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_couple_therapists_user',
    },
    {
      name: 'therapist_user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_couple_therapists_user',
    },
  ])
  therapist?: User;
}
