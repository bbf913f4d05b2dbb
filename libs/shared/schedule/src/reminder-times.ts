import type { QuietHours, ReminderPolicy } from './reminder-policy.schema';
import { minutesOfDay, ZoneClock } from './zoned-time.util';

const MS_PER_MINUTE = 60_000;

/**
 * How long before the due time an `at_local_time` reminder goes out when that local time is
 * not before the due time (a 09:00 reminder for something due at 07:00, or a recipient whose
 * clocks are already past it). The previous day's 09:00 was rejected: for a daily assignment it
 * lands before the previous occurrence is due and reads as a reminder for that one.
 */
export const AT_LOCAL_TIME_FALLBACK_MINUTES = 60;

export interface ReminderTimesInput {
  dueAt: Date;
  /** The partner's own zone, which may differ from the couple's schedule zone. */
  recipientTimeZone: string;
  policy: ReminderPolicy;
  /** Usually `combineQuietHours(clinic, partner)`. */
  quietHours: QuietHours | null;
}

export interface ReminderTimes {
  dueSoonAt: Date | null;
  overdueAt: Date | null;
}

/**
 * A partner's quiet hours replace the clinic's whenever the partner has set any; a partner who
 * wants none at all sets start == end rather than clearing them.
 */
export function combineQuietHours(
  clinic: QuietHours | null | undefined,
  partner: QuietHours | null | undefined,
): QuietHours | null {
  return partner ?? clinic ?? null;
}

function isActive(quiet: QuietHours | null): quiet is QuietHours {
  return quiet !== null && quiet.start !== quiet.end;
}

/** Wall-clock quiet hours: [start, end) in the zone, wrapping midnight when start > end. */
function isQuietAt(minutes: number, quiet: QuietHours): boolean {
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

export function isWithinQuietHours(instant: Date, zone: string, quiet: QuietHours | null): boolean {
  if (!isActive(quiet)) return false;
  return isQuietAt(new ZoneClock(zone).localPartsOf(instant.getTime()).minutes, quiet);
}

/**
 * An instant inside quiet hours moves to the first instant afterwards at which the recipient's
 * clocks show the end time: on a fall-back day that is the end time's next occurrence after the
 * instant, and when the end time falls in a spring-forward gap it is the moment clocks jump
 * (quiet until 02:30 ends at 03:00 EDT on 8 Mar 2026 in New York, as no earlier moment shows
 * 02:30 or later). Outside quiet hours the instant is returned as it is.
 */
function afterQuietHours(instantMs: number, clock: ZoneClock, quiet: QuietHours | null): number {
  if (!isActive(quiet)) return instantMs;
  const local = clock.localPartsOf(instantMs);
  if (!isQuietAt(local.minutes, quiet)) return instantMs;
  const end = minutesOfDay(quiet.end);
  // Past the start of a period that wraps midnight, it ends on the next local day.
  const endDay = local.minutes >= end ? local.day + 1 : local.day;
  const later = clock.instantsAt(endDay, end).find((candidate) => candidate > instantMs);
  return later ?? clock.jumpOver(endDay, end) ?? clock.resolve(endDay, end);
}

/**
 * When to send an occurrence's due-soon and overdue nudges to one partner.
 * - `before_due` counts back from the due instant; `at_local_time` is that wall-clock time on
 *   the day the occurrence is due in the recipient's zone (spring-forward gaps move it forward by
 *   the gap, repeated hours take the first), or AT_LOCAL_TIME_FALLBACK_MINUTES before the due
 *   instant when that time is not before it.
 * - Either nudge that falls inside quiet hours moves to their end. A due-soon nudge that would
 *   then go out at or after the due instant is dropped (null): the overdue nudge covers it.
 */
export function computeReminderTimes(input: ReminderTimesInput): ReminderTimes {
  const { policy, quietHours } = input;
  const dueMs = input.dueAt.getTime();
  const clock = new ZoneClock(input.recipientTimeZone);

  let dueSoonMs: number | null;
  switch (policy.dueSoon.kind) {
    case 'none':
      dueSoonMs = null;
      break;
    case 'before_due':
      dueSoonMs = dueMs - policy.dueSoon.minutes * MS_PER_MINUTE;
      break;
    case 'at_local_time': {
      const atLocal = clock.resolve(
        clock.localPartsOf(dueMs).day,
        minutesOfDay(policy.dueSoon.time),
      );
      dueSoonMs =
        atLocal < dueMs ? atLocal : dueMs - AT_LOCAL_TIME_FALLBACK_MINUTES * MS_PER_MINUTE;
      break;
    }
  }
  if (dueSoonMs !== null) {
    dueSoonMs = afterQuietHours(dueSoonMs, clock, quietHours);
    if (dueSoonMs >= dueMs) dueSoonMs = null;
  }

  const overdueMs =
    policy.overdueAfterMinutes === null
      ? null
      : afterQuietHours(dueMs + policy.overdueAfterMinutes * MS_PER_MINUTE, clock, quietHours);

  return {
    dueSoonAt: dueSoonMs === null ? null : new Date(dueSoonMs),
    overdueAt: overdueMs === null ? null : new Date(overdueMs),
  };
}
