import { addDays } from './civil-date';
import type { Recurrence, Schedule } from './schedule.schema';

/** What a program step says about its timing (the rest of the step does not matter here). */
export interface ProgramStepTiming {
  /** The 1-based program week the step starts in. */
  week: number;
  /** The last week (inclusive) a repeating step runs; omitted means its start week only. */
  untilWeek?: number;
  recurrence:
    { kind: 'once' } | { kind: 'daily' } | { kind: 'weekly'; weekdays: readonly number[] };
}

/**
 * A program step's own schedule: its weeks counted from the program's start date. The API
 * creates assignments with it and the web previews them with it, so both always agree.
 */
export function stepSchedule(
  step: ProgramStepTiming,
  timeZone: string,
  programStart: string,
  dueTime: string,
): Schedule {
  const startDate = addDays(programStart, (step.week - 1) * 7);
  const endDate =
    step.recurrence.kind === 'once'
      ? startDate
      : addDays(programStart, (step.untilWeek ?? step.week) * 7 - 1);
  let recurrence: Recurrence;
  switch (step.recurrence.kind) {
    case 'once':
      recurrence = { kind: 'once' };
      break;
    case 'daily':
      recurrence = { kind: 'daily' };
      break;
    case 'weekly':
      recurrence = { kind: 'weekdays', weekdays: [...step.recurrence.weekdays] };
      break;
  }
  return { timeZone, startDate, endDate, dueTime, recurrence };
}
