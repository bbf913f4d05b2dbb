import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Exercise } from './exercise.entity';
import type { ExerciseTemplate, ExerciseTranslations } from './clinical-json';

/** One immutable version of an exercise. Assignments point at a version, so editing never changes past work. */
@Entity({ name: 'exercise_versions' })
@Unique('uq_exercise_versions_version', ['clinicId', 'exerciseId', 'version'])
export class ExerciseVersion {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_exercise_versions' })
  clinicId!: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_exercise_versions' })
  id!: string;

  @Column({ type: 'uuid' })
  exerciseId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  title!: string;

  /** The whole template as @mend/shared-exercises validates it. */
  @Column({ type: 'jsonb' })
  definition!: ExerciseTemplate;

  /**
   * The definition's shown text in other languages, checked against its prompts. A new version
   * written by a person starts with none: a translation of older words would contradict theirs.
   */
  @Column({ type: 'jsonb', default: {} })
  translations!: ExerciseTranslations;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @ManyToOne(() => Exercise, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn([
    {
      name: 'clinic_id',
      referencedColumnName: 'clinicId',
      foreignKeyConstraintName: 'fk_exercise_versions_exercise',
    },
    {
      name: 'exercise_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_exercise_versions_exercise',
    },
  ])
  exercise?: Exercise;
}
