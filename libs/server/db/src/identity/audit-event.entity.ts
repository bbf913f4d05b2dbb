import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Clinic } from './clinic.entity';

/** Ids, counts and flags only: never answer text, passwords, tokens or secrets. */
export type AuditDetail = Record<string, string | number | boolean | null | string[]>;

/** Append-only: a trigger refuses UPDATE and DELETE, and the app role holds neither grant. */
@Entity({ name: 'audit_events' })
@Index('ix_audit_events_time', ['clinicId', 'occurredAt'])
@Index('ix_audit_events_actor', ['clinicId', 'actorUserId', 'occurredAt'])
@Index('ix_audit_events_record', ['clinicId', 'recordId'])
export class AuditEvent {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_audit_events' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_events' })
  id!: string;

  @ManyToOne(() => Clinic, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'clinic_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'fk_audit_events_clinic',
  })
  clinic?: Clinic;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  recordType!: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordId!: string | null;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  @Column({ type: 'jsonb', default: {} })
  detail!: AuditDetail;
}
