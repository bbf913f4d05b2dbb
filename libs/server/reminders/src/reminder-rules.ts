import { DateTime } from 'luxon';
import {
  combineQuietHours,
  computeReminderTimes,
  type QuietHours,
  type ReminderPolicy,
} from '@mend/shared-schedule';
import type { CompletionMode } from '@mend/shared-exercises';

/** When a therapist's daily digest goes out, on their own clock (then past quiet hours). */
export const DIGEST_LOCAL_HOUR = 8;

/** PostgreSQL `time` values arrive as 'HH:mm:ss'; the schedule library speaks 'HH:mm'. */
export function clockTime(value: string | null | undefined): string | null {
  return value ? value.slice(0, 5) : null;
}

export function quietHoursOf(
  clinic: { start: string | null; end: string | null },
  person: { start: string | null; end: string | null },
): QuietHours | null {
  const pair = (start: string | null, end: string | null): QuietHours | null => {
    const s = clockTime(start);
    const e = clockTime(end);
    return s && e ? { start: s, end: e } : null;
  };
  return combineQuietHours(pair(clinic.start, clinic.end), pair(person.start, person.end));
}

/**
 * The partner's own reminder time replaces the assignment's due-soon rule, unless the
 * therapist chose no due-soon reminder for this assignment at all.
 */
export function effectivePolicy(
  policy: ReminderPolicy,
  reminderTime: string | null,
): ReminderPolicy {
  const time = clockTime(reminderTime);
  if (!time || policy.dueSoon.kind === 'none') return policy;
  return { ...policy, dueSoon: { kind: 'at_local_time', time } };
}

/** Partners expected to answer: both for `each` and `joint`, only the assignee for `one`. */
export function expectsAnswerFrom(
  mode: CompletionMode,
  assigneeUserId: string | null,
  partnerUserId: string,
): boolean {
  return mode === 'one' ? assigneeUserId === partnerUserId : true;
}

/** The instant itself, or the end of the quiet hours it falls in. */
export function afterQuietHours(instant: Date, timeZone: string, quiet: QuietHours | null): Date {
  const { overdueAt } = computeReminderTimes({
    dueAt: instant,
    recipientTimeZone: timeZone,
    policy: { dueSoon: { kind: 'none' }, overdueAfterMinutes: 0 },
    quietHours: quiet,
  });
  return overdueAt ?? instant;
}

/** The next digest time strictly after `now`, with the local date it belongs to. */
export function nextDigest(
  now: Date,
  timeZone: string,
  quiet: QuietHours | null,
): { at: Date; localDate: string } {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  let day = local.startOf('day');
  let at = day.set({ hour: DIGEST_LOCAL_HOUR });
  if (at.toMillis() <= now.getTime()) {
    day = day.plus({ days: 1 });
    at = day.set({ hour: DIGEST_LOCAL_HOUR });
  }
  return { at: afterQuietHours(at.toJSDate(), timeZone, quiet), localDate: day.toISODate() ?? '' };
}
