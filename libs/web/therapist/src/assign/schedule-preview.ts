import { describeSchedule, type Recurrence, type Schedule } from '@mend/shared-schedule';

import { addDays } from '../common/format';
import type { ProgramStep } from '../records';

export type ScheduleLocale = 'en' | 'es';

export const asScheduleLocale = (locale: string): ScheduleLocale => (locale === 'es' ? 'es' : 'en');

/** describeSchedule, or null while the inputs cannot make a schedule yet (e.g. no weekday). */
export function previewSchedule(schedule: Schedule, locale: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(schedule.startDate) || !/^\d{2}:\d{2}$/.test(schedule.dueTime)) {
    return null;
  }
  if (schedule.endDate !== undefined && schedule.endDate < schedule.startDate) return null;
  const { recurrence } = schedule;
  if (recurrence.kind === 'weekdays' && recurrence.weekdays.length === 0) return null;
  if (recurrence.kind === 'every_n_days' && !(recurrence.n >= 2 && recurrence.n <= 60)) return null;
  try {
    return describeSchedule(schedule, asScheduleLocale(locale), { today });
  } catch {
    return null;
  }
}

/** A program step's own schedule, counted in weeks from the program's start (as the API does). */
export function stepSchedule(
  step: ProgramStep,
  timeZone: string,
  programStart: string,
  dueTime: string,
): Schedule {
  const startDate = addDays(programStart, (step.week - 1) * 7);
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
  const endDate =
    step.recurrence.kind === 'once'
      ? startDate
      : addDays(programStart, (step.untilWeek ?? step.week) * 7 - 1);
  return { timeZone, startDate, endDate, dueTime, recurrence };
}
