import { describeSchedule, type Schedule, type ScheduleLocale } from '@mend/shared-schedule';

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
