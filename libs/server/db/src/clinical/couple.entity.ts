import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { COUPLE_STATUSES, type CoupleStatus } from '@mend/shared-contracts';
import { Clinic } from '../identity/clinic.entity';

/** Two partners doing trust-repair work with one or more therapists. */
@Entity({ name: 'couples' })
export class Couple {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_couples' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_couples' })
  id!: string;

  /** How staff name the couple, e.g. "Alex & Sam". */
  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'enum', enum: COUPLE_STATUSES, enumName: 'couple_status', default: 'invited' })
  status!: CoupleStatus;

  /** Due times of the couple's exercises are in this zone. */
  @Column({ type: 'text' })
  timeZone!: string;

  /** Set while a private safety flag is open: joint work pauses. */
  @Column({ type: 'timestamptz', nullable: true })
  safetyPausedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Staff only: why the work ended. Cleared when the couple is reopened. */
  @Column({ type: 'text', nullable: true })
  closingNote!: string | null;

  @ManyToOne(() => Clinic, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'clinic_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'fk_couples_clinic',
  })
  clinic?: Clinic;
}
