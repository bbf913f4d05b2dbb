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
import { EXERCISE_THEMES, type ExerciseTheme } from '@mend/shared-exercises';
import { Clinic } from '../identity/clinic.entity';

/** An exercise template; its content lives in numbered versions. */
@Entity({ name: 'exercises' })
@Unique('uq_exercises_key', ['clinicId', 'key'])
export class Exercise {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_exercises' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_exercises' })
  id!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'enum', enum: EXERCISE_THEMES, enumName: 'exercise_theme' })
  theme!: ExerciseTheme;

  @Column({ type: 'enum', enum: EXERCISE_SOURCES, enumName: 'exercise_source' })
  source!: ExerciseSource;

  @Column({ type: 'integer', default: 1 })
  currentVersion!: number;

  @Column({ type: 'uuid', nullable: true })
  copiedFromId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => Clinic, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn({
    name: 'clinic_id',
    referencedColumnName: 'id',
    foreignKeyConstraintName: 'fk_exercises_clinic',
  })
  clinic?: Clinic;
}
