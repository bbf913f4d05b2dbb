import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Session } from './session.entity';

/**
 * A refresh token its session has rotated past (its hash only). Presenting one again means a
 * copy is in other hands, however many rotations ago it was retired: the session ends.
 */
@Entity({ name: 'retired_refresh_tokens' })
@Index('ix_retired_refresh_tokens_session', ['clinicId', 'sessionId'])
export class RetiredRefreshToken {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_retired_refresh_tokens' })
  clinicId!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_retired_refresh_tokens' })
  tokenHash!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => Session, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_retired_refresh_tokens_session',
    },
    {
      name: 'session_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_retired_refresh_tokens_session',
    },
  ])
  session?: Session;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  retiredAt!: Date;
}
