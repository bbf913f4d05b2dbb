import {
  exerciseTemplateSchema,
  type ExerciseTemplate,
  type ExerciseTemplateInput,
} from '../exercise-template';
import { exerciseTranslationsSchema, type ExerciseTranslations } from '../exercise-translation';
import { COMMUNICATION_EXERCISES } from './communication.exercises';
import { COMMUNICATION_EXERCISES_ES } from './communication.exercises.es';
import { deepFreeze } from './deep-freeze';
import type { LibraryTranslations } from './library-translations';
import { OPENNESS_EXERCISES } from './openness.exercises';
import { OPENNESS_EXERCISES_ES } from './openness.exercises.es';
import { REPAIR_EXERCISES } from './repair.exercises';
import { REPAIR_EXERCISES_ES } from './repair.exercises.es';
import { STEADINESS_EXERCISES } from './steadiness.exercises';
import { STEADINESS_EXERCISES_ES } from './steadiness.exercises.es';
import { TIME_TOGETHER_EXERCISES } from './time-together.exercises';
import { TIME_TOGETHER_EXERCISES_ES } from './time-together.exercises.es';
import { UNDERSTANDING_EXERCISES } from './understanding.exercises';
import { UNDERSTANDING_EXERCISES_ES } from './understanding.exercises.es';

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

/** The Spanish of every library exercise, as written; the tests check it against the library. */
export const EXERCISE_LIBRARY_SPANISH: LibraryTranslations = {
  ...COMMUNICATION_EXERCISES_ES,
  ...TIME_TOGETHER_EXERCISES_ES,
  ...REPAIR_EXERCISES_ES,
  ...STEADINESS_EXERCISES_ES,
  ...OPENNESS_EXERCISES_ES,
  ...UNDERSTANDING_EXERCISES_ES,
};

/**
 * Each library exercise's translations, checked against its prompts at load: a question or
 * option added to the English without its Spanish fails the first import, like a broken seed.
 */
const LIBRARY_TRANSLATIONS: ReadonlyMap<string, ExerciseTranslations> = new Map(
  EXERCISE_LIBRARY.map((exercise) => {
    const spanish = EXERCISE_LIBRARY_SPANISH[exercise.key];
    const translations = exerciseTranslationsSchema(exercise).parse(
      spanish === undefined ? {} : { es: spanish },
    );
    return [exercise.key, deepFreeze(translations)];
  }),
);

/** The translations installed with a library exercise; none for a key outside the library. */
export function findLibraryTranslations(key: string): ExerciseTranslations {
  return LIBRARY_TRANSLATIONS.get(key) ?? {};
}
