export * from './assignments.module';
export {
  OccurrencePlanner,
  PLANNING_WINDOW_DAYS,
  plannedDates,
} from './occurrences/occurrence-planner.service';
export { answersFor, type Reader, type ShownAnswer } from './responses/answer-visibility';
