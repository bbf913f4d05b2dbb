import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { Recurrence, Schedule } from './schedule.schema';
import { nextOccurrenceAfter, occurrencesBetween, type Occurrence } from './occurrences';

/*
 * Properties checked against luxon's own reading of the zone rules. The zones cover whole-hour,
 * half-hour (Kolkata, St John's, Lord Howe's 30-minute DST), 45-minute (Chatham) and midnight
 * (Santiago) offsets and changes, both hemispheres, and no DST at all.
 */
const ZONES = [
  'America/New_York',
  'Europe/Madrid',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Chatham',
  'UTC',
  'Europe/London',
  'America/Santiago',
  'Australia/Lord_Howe',
];

const MINUTE = 60_000;
const DAY = 86_400_000;

// DST changes in the zones above, so that generated schedules often start right on one.
const TRANSITION_DAYS = [
  '2025-03-09',
  '2025-11-02',
  '2026-03-08',
  '2026-11-01',
  '2026-03-29',
  '2026-10-25',
  '2026-04-05',
  '2026-10-04',
  '2026-04-04',
  '2026-09-06',
  '2026-09-27',
].map((iso) => Date.parse(`${iso}T00:00:00Z`) / DAY);

const dayArb = fc.oneof(
  fc.integer({ min: Date.UTC(2025, 0, 1) / DAY, max: Date.UTC(2027, 5, 30) / DAY }),
  fc
    .tuple(fc.constantFrom(...TRANSITION_DAYS), fc.integer({ min: -3, max: 1 }))
    .map(([day, shift]) => day + shift),
);

// Early-morning and late-evening times hit the gaps and repeated hours far more often.
const minuteOfDayArb = fc.oneof(
  fc.integer({ min: 0, max: 1439 }),
  fc.integer({ min: 0, max: 239 }),
  fc.integer({ min: 1380, max: 1439 }),
);

const recurrenceArb: fc.Arbitrary<Recurrence> = fc.oneof(
  fc.constant({ kind: 'once' as const }),
  fc.constant({ kind: 'daily' as const }),
  fc
    .uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 })
    .map((weekdays) => ({ kind: 'weekdays' as const, weekdays })),
  fc.integer({ min: 2, max: 60 }).map((n) => ({ kind: 'every_n_days' as const, n })),
);

function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const scheduleArb: fc.Arbitrary<Schedule> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    start: dayArb,
    length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
    due: minuteOfDayArb,
    recurrence: recurrenceArb,
  })
  .map(({ timeZone, start, length, due, recurrence }) => ({
    timeZone,
    startDate: isoDay(start),
    endDate: length === undefined ? undefined : isoDay(start + length),
    dueTime: hhmm(due),
    recurrence,
  }));

/** A window near the schedule's start, of up to 120 days, with ms-precise ends. */
const caseArb = scheduleArb.chain((schedule) =>
  fc
    .record({
      startShift: fc.integer({ min: -30 * DAY, max: 200 * DAY }),
      length: fc.integer({ min: 1, max: 120 * DAY }),
    })
    .map(({ startShift, length }) => {
      const from = Date.parse(`${schedule.startDate}T00:00:00Z`) + startShift;
      return { schedule, from: new Date(from), to: new Date(from + length) };
    }),
);

function local(instant: Date, zone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone });
}

/** Whether the zone's clocks never show `time` on `date` (luxon normalises it to another time). */
function isInGap(zone: string, date: string, time: string): boolean {
  const parsed = DateTime.fromISO(`${date}T${time}`, { zone });
  return parsed.toFormat('yyyy-MM-dd HH:mm') !== `${date} ${time}`;
}

function matchesRecurrence(schedule: Schedule, date: string): boolean {
  const dt = DateTime.fromISO(date, { zone: 'utc' });
  const start = DateTime.fromISO(schedule.startDate, { zone: 'utc' });
  if (dt < start) return false;
  if (schedule.endDate !== undefined && dt > DateTime.fromISO(schedule.endDate, { zone: 'utc' })) {
    return false;
  }
  const { recurrence } = schedule;
  switch (recurrence.kind) {
    case 'once':
      return date === schedule.startDate;
    case 'daily':
      return true;
    case 'weekdays':
      return recurrence.weekdays.includes(dt.weekday);
    case 'every_n_days':
      return Math.round(dt.diff(start, 'days').days) % recurrence.n === 0;
  }
}

function run<Args extends unknown[]>(property: fc.IPropertyWithHooks<Args>) {
  fc.assert(property, { numRuns: 150 });
}

describe('occurrencesBetween properties (checked with luxon)', () => {
  it('puts each dueAt on its own local date, in the schedule zone', () => {
    run(
      fc.property(caseArb, ({ schedule, from, to }) => {
        for (const o of occurrencesBetween(schedule, from, to)) {
          expect(local(o.dueAt, schedule.timeZone).toISODate()).toBe(o.localDate);
        }
      }),
    );
  });

  it('has exactly one occurrence for each matching local date whose due time is in the window', () => {
    run(
      fc.property(caseArb, ({ schedule, from, to }) => {
        const result = occurrencesBetween(schedule, from, to);
        const dates = result.map((o) => o.localDate);
        expect(new Set(dates).size).toBe(dates.length);
        // Every local date the window touches, a day of slack either side.
        const first = local(from, schedule.timeZone).startOf('day').minus({ days: 1 });
        const last = local(to, schedule.timeZone).startOf('day').plus({ days: 1 });
        const expected: string[] = [];
        for (let d = first.toISODate() ?? ''; d <= (last.toISODate() ?? '');) {
          if (matchesRecurrence(schedule, d)) {
            // Pick whichever of the day's readings of dueTime luxon finds, then apply the
            // earliest-instant rule by stepping back over any repeated hour.
            const dueAt = luxonDueAt(schedule.timeZone, d, schedule.dueTime);
            if (dueAt >= from.getTime() && dueAt < to.getTime()) expected.push(d);
          }
          d = DateTime.fromISO(d, { zone: 'utc' }).plus({ days: 1 }).toISODate() ?? '';
        }
        expect(dates).toEqual(expected);
      }),
    );
  });

  it('is due at dueTime, or later by the gap when dueTime does not exist that day', () => {
    run(
      fc.property(caseArb, ({ schedule, from, to }) => {
        const [hours, minutes] = schedule.dueTime.split(':').map(Number) as [number, number];
        for (const o of occurrencesBetween(schedule, from, to)) {
          const shown = local(o.dueAt, schedule.timeZone);
          if (isInGap(schedule.timeZone, o.localDate, schedule.dueTime)) {
            // Clocks jumped forward shortly before the due instant; the gap is the offset change.
            const before = local(new Date(o.dueAt.getTime() - 3 * 60 * MINUTE), schedule.timeZone);
            const gap = shown.offset - before.offset;
            expect(gap).toBeGreaterThan(0);
            expect(shown.hour * 60 + shown.minute).toBe(hours * 60 + minutes + gap);
          } else {
            expect(shown.toFormat('HH:mm')).toBe(schedule.dueTime);
          }
        }
      }),
    );
  });

  it('takes the first of a repeated wall-clock time', () => {
    run(
      fc.property(caseArb, ({ schedule, from, to }) => {
        for (const o of occurrencesBetween(schedule, from, to)) {
          const shown = local(o.dueAt, schedule.timeZone).toFormat('yyyy-MM-dd HH:mm');
          // Repeated hours in these zones last 30 (Lord Howe) or 60 minutes.
          for (const back of [30, 60]) {
            const earlier = new Date(o.dueAt.getTime() - back * MINUTE);
            expect(local(earlier, schedule.timeZone).toFormat('yyyy-MM-dd HH:mm')).not.toBe(shown);
          }
        }
      }),
    );
  });

  it('is strictly ascending and inside [from, to)', () => {
    run(
      fc.property(caseArb, ({ schedule, from, to }) => {
        const instants = occurrencesBetween(schedule, from, to).map((o) => o.dueAt.getTime());
        for (const [i, instant] of instants.entries()) {
          expect(instant).toBeGreaterThanOrEqual(from.getTime());
          expect(instant).toBeLessThan(to.getTime());
          if (i > 0) expect(instant).toBeGreaterThan(instants[i - 1] ?? Infinity);
        }
      }),
    );
  });

  it('keeps to the chosen weekdays', () => {
    run(
      fc.property(caseArb, ({ schedule, from, to }) => {
        fc.pre(schedule.recurrence.kind === 'weekdays');
        const allowed = schedule.recurrence.kind === 'weekdays' ? schedule.recurrence.weekdays : [];
        for (const o of occurrencesBetween(schedule, from, to)) {
          expect(allowed).toContain(DateTime.fromISO(o.localDate).weekday);
        }
      }),
    );
  });

  it('spaces every_n_days exactly n local days apart, counted from the start date', () => {
    run(
      fc.property(caseArb, ({ schedule, from, to }) => {
        fc.pre(schedule.recurrence.kind === 'every_n_days');
        const n = schedule.recurrence.kind === 'every_n_days' ? schedule.recurrence.n : 0;
        const days = occurrencesBetween(schedule, from, to).map((o) =>
          DateTime.fromISO(o.localDate, { zone: 'utc' }),
        );
        const start = DateTime.fromISO(schedule.startDate, { zone: 'utc' });
        for (const [i, day] of days.entries()) {
          expect(day.diff(start, 'days').days % n).toBe(0);
          const previous = days[i - 1];
          if (previous) expect(day.diff(previous, 'days').days).toBe(n);
        }
      }),
    );
  });

  it('stays between the start date and the end date, both inclusive', () => {
    run(
      fc.property(caseArb, ({ schedule, from, to }) => {
        for (const o of occurrencesBetween(schedule, from, to)) {
          expect(o.localDate >= schedule.startDate).toBe(true);
          if (schedule.endDate !== undefined) expect(o.localDate <= schedule.endDate).toBe(true);
          if (schedule.recurrence.kind === 'once') expect(o.localDate).toBe(schedule.startDate);
        }
      }),
    );
  });

  it('gives the same union when the window is split in two', () => {
    run(
      fc.property(caseArb, fc.double({ min: 0, max: 1, noNaN: true }), (c, ratio) => {
        const { schedule, from, to } = c;
        const cut = new Date(from.getTime() + Math.floor((to.getTime() - from.getTime()) * ratio));
        const whole = occurrencesBetween(schedule, from, to);
        const parts = [
          ...occurrencesBetween(schedule, from, cut),
          ...occurrencesBetween(schedule, cut, to),
        ];
        expect(parts).toEqual(whole);
      }),
    );
  });

  it('nextOccurrenceAfter is the first occurrence strictly after the instant', () => {
    run(
      fc.property(caseArb, ({ schedule, from }) => {
        const next = nextOccurrenceAfter(schedule, from);
        // No schedule in these runs starts more than 31 months after `from`.
        const horizon = new Date(from.getTime() + 1_000 * DAY);
        const expected: Occurrence | undefined = occurrencesBetween(
          schedule,
          new Date(from.getTime() + 1),
          horizon,
        )[0];
        expect(next).toEqual(expected ?? null);
      }),
    );
  });
});

/**
 * The instant luxon's zone data gives for `time` on `date`, by the library's rule: when luxon's
 * parse does not show the asked-for time (a gap), read the time through the offset before the
 * gap; otherwise step back over a repeated hour if the earlier reading also shows that time.
 */
function luxonDueAt(zone: string, date: string, time: string): number {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  const offsets = [...new Set([offsetAt(wall - DAY), offsetAt(wall + DAY)])];
  const shows = (ms: number) =>
    DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm') === `${date} ${time}`;
  const readings = offsets.map((offset) => wall - offset * MINUTE).filter(shows);
  return readings.length > 0 ? Math.min(...readings) : wall - Math.min(...offsets) * MINUTE;
}
