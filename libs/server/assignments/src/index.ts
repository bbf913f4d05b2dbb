export * from './assignments.module';
export {
  OccurrencePlanner,
  PLANNING_WINDOW_DAYS,
  plannedDates,
} from './occurrences/occurrence-planner.service';
