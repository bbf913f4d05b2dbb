import { IANAZone } from 'luxon';

/**
 * Calendar arithmetic on "day numbers" (days since 1970-01-01) instead of luxon objects: the
 * recurrence loops run once per calendar day over windows of a year or more, and plain integers
 * keep them cheap and free of any zone.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' string, or null when it is not a real date. */
export function parseIsoDate(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 31 Feb over into March; a round trip catches it.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return null;
  if (back.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

export function dayNumberOf(isoDate: string): number {
  const day = parseIsoDate(isoDate);
  if (day === null) throw new RangeError(`Not a calendar date: ${isoDate}`);
  return day;
}

export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOf(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** Minutes after local midnight of an 'HH:mm' string, or null when it is not a valid time. */
export function parseLocalTime(value: string): number | null {
  const match = LOCAL_TIME.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function minutesOfDay(value: string): number {
  const minutes = parseLocalTime(value);
  if (minutes === null) throw new RangeError(`Not an HH:mm time: ${value}`);
  return minutes;
}

/**
 * Named IANA zones only: newer ICU builds also accept fixed offsets such as "+05:00", which have
 * no DST rules and would silently drift from the clinic's real clocks.
 */
export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = !/^[+-]/.test(zone) && IANAZone.isValidZone(zone);
    zoneValidity.set(zone, valid);
  }
  return valid;
}

// luxon builds a fresh Intl.DateTimeFormat on every validity check, which would otherwise
// dominate a year of occurrences; the set of zone names in use is small.
const zoneValidity = new Map<string, boolean>();

/**
 * Offset look-ups for one zone, remembered for the length of one computation: consecutive days
 * sample the same instants, and each look-up is an Intl formatting call.
 */
export class ZoneClock {
  private readonly zone: IANAZone;
  private readonly offsets = new Map<number, number>();

  constructor(readonly name: string) {
    if (!isValidTimeZone(name)) throw new RangeError(`Unknown time zone: ${name}`);
    this.zone = IANAZone.create(name);
  }

  /** UTC offset in whole minutes; sub-minute historical (LMT) offsets are irrelevant here. */
  offsetAt(instantMs: number): number {
    let offset = this.offsets.get(instantMs);
    if (offset === undefined) {
      offset = Math.round(this.zone.offset(instantMs));
      this.offsets.set(instantMs, offset);
    }
    return offset;
  }

  /** The wall-clock date and time that an instant shows. */
  localPartsOf(instantMs: number): LocalParts {
    const wallMs = instantMs + this.offsetAt(instantMs) * MS_PER_MINUTE;
    const day = Math.floor(wallMs / MS_PER_DAY);
    return { day, minutes: Math.floor((wallMs - day * MS_PER_DAY) / MS_PER_MINUTE) };
  }

  /**
   * Every instant at which the clocks show `minutes` on `day`, ascending: usually one, two
   * inside a fall-back repeated hour, none inside a spring-forward gap.
   */
  instantsAt(day: number, minutes: number): number[] {
    const wallMs = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
    const instants = new Set<number>();
    for (const offset of this.candidateOffsets(wallMs)) {
      const candidate = wallMs - offset * MS_PER_MINUTE;
      if (this.offsetAt(candidate) === offset) instants.add(candidate);
    }
    return [...instants].sort((a, b) => a - b);
  }

  /**
   * The one instant a wall-clock time stands for, by the same rule as Temporal's "compatible"
   * disambiguation, so the answer never depends on the clock the code runs under (luxon's own
   * fromObject guesses from the current offset and can pick either side of a transition):
   * - inside a spring-forward gap the time moves forward by the length of the gap
   *   (02:30 on 8 Mar 2026 in America/New_York becomes 03:30 EDT);
   * - inside a fall-back repeated hour it takes the earlier instant (the first 01:30).
   */
  resolve(day: number, minutes: number): number {
    const wallMs = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
    const earliest = this.instantsAt(day, minutes)[0];
    if (earliest !== undefined) return earliest;
    // Clocks jump forward, so the offset before the gap is the smaller one; reading the missing
    // time through it lands as far past the gap's end as the time was past its start.
    return wallMs - Math.min(...this.candidateOffsets(wallMs)) * MS_PER_MINUTE;
  }

  /**
   * The instant the clocks jump over a wall-clock time that does not exist on `day`, i.e. the
   * first instant at which they show that time or later; null when the time does exist.
   */
  jumpOver(day: number, minutes: number): number | null {
    const wallMs = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
    if (this.instantsAt(day, minutes).length > 0) return null;
    const offsets = this.candidateOffsets(wallMs);
    const after = Math.max(...offsets);
    // Read through the later offset the time falls before the jump, through the earlier one
    // after it; transitions happen on whole minutes, so bisect minutes between the two.
    let before = wallMs - after * MS_PER_MINUTE;
    let jumped = wallMs - Math.min(...offsets) * MS_PER_MINUTE;
    while (jumped - before > MS_PER_MINUTE) {
      const middle = before + Math.floor((jumped - before) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
      if (this.offsetAt(middle) === after) jumped = middle;
      else before = middle;
    }
    return jumped;
  }

  /**
   * The offsets a wall-clock time can map through: those in force a day either side (real
   * zones never change offset twice within that span), plus those at each resulting candidate,
   * which covers a transition between a candidate and the sampled points.
   */
  private candidateOffsets(wallMs: number): number[] {
    const offsets = new Set<number>([
      this.offsetAt(wallMs - MS_PER_DAY),
      this.offsetAt(wallMs + MS_PER_DAY),
    ]);
    for (const offset of [...offsets]) {
      offsets.add(this.offsetAt(wallMs - offset * MS_PER_MINUTE));
    }
    return [...offsets];
  }
}

export interface LocalParts {
  /** Days since 1970-01-01 of the local calendar date. */
  day: number;
  /** Minutes after local midnight. */
  minutes: number;
}
