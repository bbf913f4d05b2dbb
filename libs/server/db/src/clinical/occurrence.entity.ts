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
import { OCCURRENCE_STATUSES, type OccurrenceStatus } from '@mend/shared-contracts';
import { Assignment } from './assignment.entity';
import { Couple } from './couple.entity';

/** One due date of an assignment. */
@Entity({ name: 'occurrences' })
@Unique('uq_occurrences_date', ['clinicId', 'assignmentId', 'localDate'])
@Index('ix_occurrences_couple_due', ['clinicId', 'coupleId', 'dueAt'])
@Index('ix_occurrences_due', ['dueAt'])
export class Occurrence {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_occurrences' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_occurrences' })
  id!: string;

  @Column({ type: 'uuid' })
  assignmentId!: string;

  @Column({ type: 'uuid' })
  coupleId!: string;

  @Column({ type: 'date' })
  localDate!: string;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({
    type: 'enum',
    enum: OCCURRENCE_STATUSES,
    enumName: 'occurrence_status',
    default: 'open',
  })
  status!: OccurrenceStatus;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @ManyToOne(() => Assignment, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_occurrences_assignment',
    },
    {
      name: 'assignment_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_occurrences_assignment',
    },
  ])
  assignment?: Assignment;

  @ManyToOne(() => Couple, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_occurrences_couple',
    },
    {
      name: 'couple_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_occurrences_couple',
    },
  ])
  couple?: Couple;
}
