export * from './assignments.module';
export {
  OccurrencePlanner,
  PLANNING_WINDOW_DAYS,
  plannedDates,
} from './occurrences/occurrence-planner.service';
export { POLICY_NOT_ACKNOWLEDGED } from './common/policy-acknowledgement';
