import { Info } from 'luxon';
import type { Schedule } from './schedule.schema';
import { minutesOfDay } from './zoned-time.util';

export type ScheduleLocale = 'en' | 'es';

export interface DescribeScheduleOptions {
  /** Today's date in the schedule's zone, 'YYYY-MM-DD'; the caller reads the clock. */
  today?: string;
}

interface Words {
  /** Intl locale for list joining: en-GB, like the "1 Dec" dates, has no serial comma. */
  listLocale: string;
  once: (date: string, time: string) => string;
  daily: (time: string) => string;
  weekdays: (days: string, time: string) => string;
  everyNDays: (n: number, time: string) => string;
  from: (start: string) => string;
  fromTo: (start: string, end: string) => string;
  onlyOn: (date: string) => string;
  /** The due time with its preposition, which in Spanish depends on the hour. */
  time: (hours: number, minutes: number) => string;
}

const WORDS: Record<ScheduleLocale, Words> = {
  en: {
    listLocale: 'en-GB',
    once: (date, time) => `Once, on ${date} ${time}`,
    daily: (time) => `Every day ${time}`,
    weekdays: (days, time) => `Every ${days} ${time}`,
    everyNDays: (n, time) => `Every ${n} days ${time}`,
    from: (start) => `, from ${start}`,
    fromTo: (start, end) => `, from ${start} to ${end}`,
    onlyOn: (date) => `, on ${date} only`,
    time: (hours, minutes) => {
      const hour12 = hours % 12 === 0 ? 12 : hours % 12;
      const suffix = hours < 12 ? 'am' : 'pm';
      return minutes === 0
        ? `at ${hour12} ${suffix}`
        : `at ${hour12}:${String(minutes).padStart(2, '0')} ${suffix}`;
    },
  },
  es: {
    listLocale: 'es',
    once: (date, time) => `Una vez, el ${date} ${time}`,
    daily: (time) => `Cada día ${time}`,
    weekdays: (days, time) => `Cada ${days} ${time}`,
    everyNDays: (n, time) => `Cada ${n} días ${time}`,
    from: (start) => `, desde el ${start}`,
    fromTo: (start, end) => `, del ${start} al ${end}`,
    onlyOn: (date) => `, solo el ${date}`,
    // The 24-hour clock, with "a la" for the one o'clock hour ("a la 1:30", "a las 13:30").
    time: (hours, minutes) =>
      `${hours === 1 ? 'a la' : 'a las'} ${hours}:${String(minutes).padStart(2, '0')}`,
  },
};

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function calendarDate(isoDate: string): CalendarDate {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return { year, month, day };
}

/**
 * A one-line summary for therapists and partners, e.g. "Every Monday and Thursday at 8 pm, from
 * 2 Mar to 27 Apr" or "Cada lunes y jueves a las 20:00, del 2 mar al 27 abr".
 *
 * Dates carry their year only when it could be misread without one: when the start and end
 * years differ, or when `today` is given and a date shown falls in another year than today.
 * Without `today` a range within one year is shown without it; pass `today` wherever the
 * schedule may lie in another year. Both ends get the year or neither does, so a range never
 * reads half-dated. The due time is the schedule's wall-clock time in its own zone, which the
 * line does not name: a caller showing it to someone in another zone should add the zone.
 */
export function describeSchedule(
  schedule: Schedule,
  locale: ScheduleLocale,
  options: DescribeScheduleOptions = {},
): string {
  const words = WORDS[locale];
  const dueMinutes = minutesOfDay(schedule.dueTime);
  const time = words.time(Math.floor(dueMinutes / 60), dueMinutes % 60);
  const start = calendarDate(schedule.startDate);
  const { recurrence } = schedule;
  const end =
    recurrence.kind === 'once' || schedule.endDate === undefined
      ? undefined
      : calendarDate(schedule.endDate);
  const todayYear = options.today === undefined ? undefined : calendarDate(options.today).year;
  const withYear =
    (end !== undefined && end.year !== start.year) ||
    (todayYear !== undefined &&
      (start.year !== todayYear || (end !== undefined && end.year !== todayYear)));
  const months = Info.monthsFormat('short', { locale });
  const formatDate = (date: CalendarDate) =>
    `${date.day} ${months[date.month - 1] ?? ''}${withYear ? ` ${date.year}` : ''}`;

  let head: string;
  switch (recurrence.kind) {
    case 'once':
      return words.once(formatDate(start), time);
    case 'daily':
      head = words.daily(time);
      break;
    case 'weekdays': {
      const chosen = [...new Set(recurrence.weekdays)].sort((a, b) => a - b);
      if (chosen.length === 7) {
        head = words.daily(time);
        break;
      }
      const names = Info.weekdays('long', { locale });
      const days = new Intl.ListFormat(words.listLocale, { type: 'conjunction' }).format(
        chosen.map((day) => names[day - 1] ?? ''),
      );
      head = words.weekdays(days, time);
      break;
    }
    case 'every_n_days':
      head = words.everyNDays(recurrence.n, time);
      break;
  }

  if (end === undefined) return head + words.from(formatDate(start));
  if (schedule.endDate === schedule.startDate) return head + words.onlyOn(formatDate(start));
  return head + words.fromTo(formatDate(start), formatDate(end));
}
