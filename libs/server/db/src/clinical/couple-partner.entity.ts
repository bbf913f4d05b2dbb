import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { PARTNER_SEATS, type PartnerSeat } from '@mend/shared-contracts';
import { Couple } from './couple.entity';
import { User } from '../identity/user.entity';

/** A partner's seat in a couple, and whether they have read the clinic's secrets policy. */
@Entity({ name: 'couple_partners' })
@Unique('uq_couple_partners_user', ['clinicId', 'userId'])
export class CouplePartner {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_couple_partners' })
  clinicId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_couple_partners' })
  coupleId!: string;

  @PrimaryColumn({
    type: 'enum',
    enum: PARTNER_SEATS,
    enumName: 'partner_seat',
    primaryKeyConstraintName: 'pk_couple_partners',
  })
  seat!: PartnerSeat;

  @Column({ type: 'uuid' })
  userId!: string;

  /** No exercise is shown before the partner acknowledges the secrets policy. */
  @Column({ type: 'timestamptz', nullable: true })
  policyAcknowledgedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => Couple, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_couple_partners_couple',
    },
    {
      name: 'couple_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_couple_partners_couple',
    },
  ])
  couple?: Couple;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_couple_partners_user',
    },
    {
      name: 'user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_couple_partners_user',
    },
  ])
  user?: User;
}
