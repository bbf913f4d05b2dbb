import type { Schedule } from './schedule.schema';
import { dayNumberOf, isoDateOf, isoWeekdayOf, minutesOfDay, ZoneClock } from './zoned-time.util';

export interface Occurrence {
  /** The schedule's calendar date, 'YYYY-MM-DD' in the schedule's time zone. */
  localDate: string;
  dueAt: Date;
}

/*
 * Daylight-saving rules, so that every matching local date has exactly one occurrence:
 * - a due time that does not exist on a spring-forward day moves forward by the length of the
 *   gap: 02:30 on 8 Mar 2026 in America/New_York is due at 03:30 EDT (07:30Z);
 * - a due time that happens twice on a fall-back day is due the first time it happens: 01:30 on
 *   1 Nov 2026 in America/New_York is due at 01:30 EDT (05:30Z), not 01:30 EST;
 * - a local date that a zone skipped entirely (Pacific/Apia skipped 30 Dec 2011) has no
 *   occurrence, rather than one that would land on, and duplicate, the following date.
 */

/**
 * The schedule's local dates as day numbers, ascending, from `fromDay` through `untilDay`
 * (both inclusive) and never past the end date. Without `untilDay` or an end date it runs on
 * for as long as the caller keeps asking.
 */
function* matchingDays(schedule: Schedule, fromDay: number, untilDay = Infinity) {
  const start = dayNumberOf(schedule.startDate);
  const end = schedule.endDate === undefined ? Infinity : dayNumberOf(schedule.endDate);
  const last = Math.min(end, untilDay);
  const first = Math.max(start, fromDay);
  const { recurrence } = schedule;
  switch (recurrence.kind) {
    case 'once':
      if (start >= fromDay && start <= last) yield start;
      return;
    case 'daily':
      for (let day = first; day <= last; day += 1) yield day;
      return;
    case 'weekdays': {
      const weekdays = new Set(recurrence.weekdays.filter((d) => d >= 1 && d <= 7));
      // An unvalidated empty list would otherwise loop forever on an open-ended schedule.
      if (weekdays.size === 0) return;
      for (let day = first; day <= last; day += 1) {
        if (weekdays.has(isoWeekdayOf(day))) yield day;
      }
      return;
    }
    case 'every_n_days': {
      const { n } = recurrence;
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`every_n_days needs n ≥ 1, not ${n}`);
      // Counting from the start date, not from the window, keeps the cadence stable however the
      // caller slices time.
      for (let day = start + Math.ceil((first - start) / n) * n; day <= last; day += n) yield day;
      return;
    }
  }
}

function occurrenceOn(clock: ZoneClock, day: number, dueMinutes: number): Occurrence | null {
  const dueMs = clock.resolve(day, dueMinutes);
  if (clock.localPartsOf(dueMs).day !== day) return null;
  return { localDate: isoDateOf(day), dueAt: new Date(dueMs) };
}

/** Every occurrence due in [fromUtc, toUtc), ascending by due instant. */
export function occurrencesBetween(schedule: Schedule, fromUtc: Date, toUtc: Date): Occurrence[] {
  const from = fromUtc.getTime();
  const to = toUtc.getTime();
  if (!(from < to)) return [];
  const clock = new ZoneClock(schedule.timeZone);
  const dueMinutes = minutesOfDay(schedule.dueTime);
  // A day either side: the window's ends are instants, and an occurrence's instant can sit on a
  // neighbouring local date where clocks fall back across midnight.
  const fromDay = clock.localPartsOf(from).day - 1;
  const untilDay = clock.localPartsOf(to).day + 1;
  const result: Occurrence[] = [];
  for (const day of matchingDays(schedule, fromDay, untilDay)) {
    const occurrence = occurrenceOn(clock, day, dueMinutes);
    if (!occurrence) continue;
    const dueMs = occurrence.dueAt.getTime();
    if (dueMs >= from && dueMs < to) result.push(occurrence);
  }
  return result.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** The first occurrence due strictly after `afterUtc`, or null when the schedule has ended. */
export function nextOccurrenceAfter(schedule: Schedule, afterUtc: Date): Occurrence | null {
  const after = afterUtc.getTime();
  const clock = new ZoneClock(schedule.timeZone);
  const dueMinutes = minutesOfDay(schedule.dueTime);
  const fromDay = clock.localPartsOf(after).day - 1;
  for (const day of matchingDays(schedule, fromDay)) {
    const occurrence = occurrenceOn(clock, day, dueMinutes);
    if (occurrence && occurrence.dueAt.getTime() > after) return occurrence;
  }
  return null;
}
