export { issuesToProblems, type Problem, type Result } from './problem';
export { isIsoDate } from './iso-date';
export * from './exercise-form';
export * from './answer-validation';
export * from './exercise-template';
export * from './exercise-program';
export * from './exercise-translation';
export {
  EXERCISE_LIBRARY,
  findLibraryExercise,
  findLibraryTranslations,
} from './library/exercise-library';
export { PROGRAM_LIBRARY, findLibraryProgram, findProgramTranslations } from './library/programs';
