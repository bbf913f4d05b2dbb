export * from './exercises.module';
export * from './exercises/exercise.dto';
export {
  ExercisesService,
  LIBRARY_READ_ONLY,
  problemsToFields,
} from './exercises/exercises.service';
export { EXERCISE_LIST } from './exercises/exercises.queries';
export * from './programs/program.dto';
export { ProgramsService, PROGRAM_LIST } from './programs/programs.service';
