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
import { USER_TOKEN_PURPOSES, type UserTokenPurpose } from '@mend/shared-contracts';
import { User } from './user.entity';

/**
 * An emailed one-time link: an invitation or a password reset. Only its hash is stored; it
 * expires, and using it marks it used so it never works twice.
 */
@Entity({ name: 'user_tokens' })
@Index('ix_user_tokens_user', ['clinicId', 'userId'])
@Unique('uq_user_tokens_request', ['clinicId', 'requestId'])
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

  /** The password-reset request this link answers: one link per request. */
  @Column({ type: 'uuid', nullable: true })
  requestId!: string | null;

  /** When the queue job mailed it (links mailed from a job only). */
  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
