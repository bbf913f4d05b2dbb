import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { EXERCISE_SOURCES, type ExerciseSource } from '@mend/shared-contracts';
import { Clinic } from '../identity/clinic.entity';
import type { ProgramStepRecord, ProgramTranslations } from './clinical-json';

/** A multi-week sequence of exercises. */
@Entity({ name: 'programs' })
@Unique('uq_programs_key', ['clinicId', 'key'])
export class Program {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_programs' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_programs' })
  id!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'integer' })
  weeks!: number;

  @Column({ type: 'enum', enum: EXERCISE_SOURCES, enumName: 'exercise_source' })
  source!: ExerciseSource;

  /** Steps with the exercise ids of this clinic. */
  @Column({ type: 'jsonb' })
  steps!: ProgramStepRecord[];

  /** The title and summary in other languages. */
  @Column({ type: 'jsonb', default: {} })
  translations!: ProgramTranslations;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => Clinic, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'clinic_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'fk_programs_clinic',
  })
  clinic?: Clinic;
}
