export * from './exercises.module';
export * from './exercises/exercise.dto';
export {
  ExercisesService,
  EXERCISE_LIST,
  LIBRARY_READ_ONLY,
  problemsToFields,
} from './exercises/exercises.service';
export * from './programs/program.dto';
export { ProgramsService, PROGRAM_LIST } from './programs/programs.service';
