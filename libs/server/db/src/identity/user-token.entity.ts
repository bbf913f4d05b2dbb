import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { USER_TOKEN_PURPOSES, type UserTokenPurpose } from '@mend/shared-contracts';
import { User } from './user.entity';

/**
 * An emailed one-time link: an invitation or a password reset. Only its hash is stored; it
 * expires, and using it marks it used so it never works twice.
 */
@Entity({ name: 'user_tokens' })
@Index('ix_user_tokens_user', ['clinicId', 'userId'])
export class UserToken {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_user_tokens' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_user_tokens' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_user_tokens_user',
    },
    {
      name: 'user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_user_tokens_user',
    },
  ])
  user?: User;

  @Column({ type: 'enum', enum: USER_TOKEN_PURPOSES, enumName: 'user_token_purpose' })
  purpose!: UserTokenPurpose;

  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
