import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '@mend/shared-contracts';
import { COMPLETION_MODES, type CompletionMode } from '@mend/shared-exercises';
import { Couple } from './couple.entity';
import { ExerciseVersion } from './exercise-version.entity';
import { Program } from './program.entity';
import { User } from '../identity/user.entity';
import type { ReminderPolicy, Schedule } from './clinical-json';

/** An exercise given to a couple on a schedule; a program becomes several assignments sharing a run id. */
@Entity({ name: 'assignments' })
@Index('ix_assignments_couple', ['clinicId', 'coupleId'])
export class Assignment {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_assignments' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_assignments' })
  id!: string;

  @Column({ type: 'uuid' })
  coupleId!: string;

  @Column({ type: 'uuid' })
  exerciseVersionId!: string;

  @Column({ type: 'uuid', nullable: true })
  programId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  programRunId!: string | null;

  @Column({ type: 'enum', enum: COMPLETION_MODES, enumName: 'completion_mode' })
  completionMode!: CompletionMode;

  /** Set when the mode is 'one'. */
  @Column({ type: 'uuid', nullable: true })
  assigneeUserId!: string | null;

  @Column({ type: 'jsonb' })
  schedule!: Schedule;

  @Column({ type: 'jsonb' })
  reminderPolicy!: ReminderPolicy;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({
    type: 'enum',
    enum: ASSIGNMENT_STATUSES,
    enumName: 'assignment_status',
    default: 'active',
  })
  status!: AssignmentStatus;

  /** Occurrences exist up to this local date (a rolling window). */
  @Column({ type: 'date', nullable: true })
  plannedUntil!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  pausedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @ManyToOne(() => Couple, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_assignments_couple',
    },
    {
      name: 'couple_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_assignments_couple',
    },
  ])
  couple?: Couple;

  @ManyToOne(() => ExerciseVersion, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_assignments_exercise_version',
    },
    {
      name: 'exercise_version_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_assignments_exercise_version',
    },
  ])
  exerciseVersion?: ExerciseVersion;

  @ManyToOne(() => Program, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_assignments_program',
    },
    {
      name: 'program_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_assignments_program',
    },
  ])
  program?: Program;

  @ManyToOne(() => User, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_assignments_assignee',
    },
    {
      name: 'assignee_user_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_assignments_assignee',
    },
  ])
  assignee?: User;
}
