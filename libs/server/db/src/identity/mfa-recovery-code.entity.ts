import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from './user.entity';

/** A one-time way past MFA when the phone is lost. Stored only as a hash; good once. */
@Entity({ name: 'mfa_recovery_codes' })
@Index('ix_mfa_recovery_codes_user', ['clinicId', 'userId'])
export class MfaRecoveryCode {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_mfa_recovery_codes' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mfa_recovery_codes' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_mfa_recovery_codes_user',
    },
    {
      name: 'user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_mfa_recovery_codes_user',
    },
  ])
  user?: User;

  @Column({ type: 'text' })
  codeHash!: string;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
