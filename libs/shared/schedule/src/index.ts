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
