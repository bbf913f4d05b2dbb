import {
  exerciseTemplateSchema,
  type ExerciseTemplate,
  type ExerciseTemplateInput,
} from '../exercise-template';
import { COMMUNICATION_EXERCISES } from './communication.exercises';
import { deepFreeze } from './deep-freeze';
import { OPENNESS_EXERCISES } from './openness.exercises';
import { REPAIR_EXERCISES } from './repair.exercises';
import { STEADINESS_EXERCISES } from './steadiness.exercises';
import { TIME_TOGETHER_EXERCISES } from './time-together.exercises';
import { UNDERSTANDING_EXERCISES } from './understanding.exercises';

/** The library as authored, before defaults are filled in; the tests check it against the schema. */
export const EXERCISE_LIBRARY_SOURCE: ReadonlyArray<ExerciseTemplateInput> = [
  ...COMMUNICATION_EXERCISES,
  ...TIME_TOGETHER_EXERCISES,
  ...REPAIR_EXERCISES,
  ...STEADINESS_EXERCISES,
  ...OPENNESS_EXERCISES,
  ...UNDERSTANDING_EXERCISES,
];

/**
 * The seeded exercise library every clinic starts with, parsed (defaults filled in) and frozen.
 * Parsing at load means a broken seed fails the first import loudly rather than reaching a clinic.
 */
export const EXERCISE_LIBRARY: ReadonlyArray<ExerciseTemplate> = deepFreeze(
  EXERCISE_LIBRARY_SOURCE.map((source) => exerciseTemplateSchema.parse(source)),
);

export function findLibraryExercise(key: string): ExerciseTemplate | undefined {
  return EXERCISE_LIBRARY.find((exercise) => exercise.key === key);
}
