export {
  isoDateSchema,
  localTimeSchema,
  recurrenceSchema,
  scheduleSchema,
  timeZoneSchema,
  type Recurrence,
  type Schedule,
} from './schedule.schema';
export { nextOccurrenceAfter, occurrencesBetween, type Occurrence } from './occurrences';
export {
  dueSoonRuleSchema,
  quietHoursSchema,
  reminderPolicySchema,
  type DueSoonRule,
  type QuietHours,
  type ReminderPolicy,
} from './reminder-policy.schema';
export {
  AT_LOCAL_TIME_FALLBACK_MINUTES,
  combineQuietHours,
  computeReminderTimes,
  isWithinQuietHours,
  type ReminderTimes,
  type ReminderTimesInput,
} from './reminder-times';
export {
  describeSchedule,
  type DescribeScheduleOptions,
  type ScheduleLocale,
} from './describe-schedule';
export { addDays, todayIn } from './civil-date';
export { stepSchedule, type ProgramStepTiming } from './program-step-schedule';
