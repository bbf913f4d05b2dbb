import type { ExerciseTranslation } from '../exercise-translation';

/** One language's text for a set of library exercises, keyed by exercise key. */
export type LibraryTranslations = Readonly<Record<string, ExerciseTranslation>>;
