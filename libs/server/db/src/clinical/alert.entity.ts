import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import {
  ALERT_KINDS,
  ALERT_SEVERITIES,
  ALERT_STATUSES,
  type AlertKind,
  type AlertSeverity,
  type AlertStatus,
} from '@mend/shared-contracts';
import { Couple } from './couple.entity';
import type { AlertDetail } from './clinical-json';

/** Something a couple's therapists should look at. Staff only. */
@Entity({ name: 'alerts' })
@Index('ix_alerts_couple', ['clinicId', 'coupleId', 'status'])
@Index('ix_alerts_dedupe', ['clinicId', 'dedupeKey'])
export class Alert {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_alerts' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_alerts' })
  id!: string;

  @Column({ type: 'uuid' })
  coupleId!: string;

  @Column({ type: 'enum', enum: ALERT_KINDS, enumName: 'alert_kind' })
  kind!: AlertKind;

  @Column({ type: 'enum', enum: ALERT_SEVERITIES, enumName: 'alert_severity', default: 'normal' })
  severity!: AlertSeverity;

  @Column({ type: 'enum', enum: ALERT_STATUSES, enumName: 'alert_status', default: 'open' })
  status!: AlertStatus;

  /** The partner concerned, when there is one. */
  @Column({ type: 'uuid', nullable: true })
  subjectUserId!: string | null;

  /** One open alert per key: the same problem is not raised twice. */
  @Column({ type: 'text' })
  dedupeKey!: string;

  @Column({ type: 'jsonb', default: {} })
  detail!: AlertDetail;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedByUserId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedByUserId!: string | null;

  @ManyToOne(() => Couple, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_alerts_couple',
    },
    { name: 'couple_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_alerts_couple' },
  ])
  couple?: Couple;
}
