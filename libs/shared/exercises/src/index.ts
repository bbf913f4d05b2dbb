export type { Problem, Result } from './problem';
export { isIsoDate } from './iso-date';
export * from './exercise-form';
export * from './answer-validation';
export * from './exercise-template';
export * from './exercise-program';
export { EXERCISE_LIBRARY, findLibraryExercise } from './library/exercise-library';
export { PROGRAM_LIBRARY, findLibraryProgram } from './library/programs';
