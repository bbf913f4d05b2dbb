import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { QuietHours, ReminderPolicy } from './reminder-policy.schema';
import {
  AT_LOCAL_TIME_FALLBACK_MINUTES,
  combineQuietHours,
  computeReminderTimes,
  isWithinQuietHours,
} from './reminder-times';

const NIGHT: QuietHours = { start: '21:00', end: '08:00' };

function at(iso: string): Date {
  return new Date(iso);
}

function times(
  dueAt: string,
  recipientTimeZone: string,
  policy: ReminderPolicy,
  quietHours: QuietHours | null = null,
) {
  const result = computeReminderTimes({ dueAt: at(dueAt), recipientTimeZone, policy, quietHours });
  return {
    dueSoonAt: result.dueSoonAt?.toISOString() ?? null,
    overdueAt: result.overdueAt?.toISOString() ?? null,
  };
}

describe('isWithinQuietHours', () => {
  // Madrid is UTC+1 in December.
  it.each([
    ['2026-12-01T19:59:00Z', false, '20:59'],
    ['2026-12-01T20:00:00Z', true, '21:00, start is inclusive'],
    ['2026-12-01T22:59:00Z', true, '23:59'],
    ['2026-12-01T23:00:00Z', true, 'midnight'],
    ['2026-12-02T06:59:00Z', true, '07:59'],
    ['2026-12-02T07:00:00Z', false, '08:00, end is exclusive'],
    ['2026-12-02T11:00:00Z', false, 'noon'],
  ])('21:00–08:00 wrapping midnight in Madrid: %s is %s (%s)', (instant, expected) => {
    expect(isWithinQuietHours(at(instant), 'Europe/Madrid', NIGHT)).toBe(expected);
  });

  it('handles a period that does not wrap midnight', () => {
    const lunch: QuietHours = { start: '13:00', end: '15:00' };
    expect(isWithinQuietHours(at('2026-12-01T12:30:00Z'), 'Europe/Madrid', lunch)).toBe(true);
    expect(isWithinQuietHours(at('2026-12-01T14:00:00Z'), 'Europe/Madrid', lunch)).toBe(false);
    expect(isWithinQuietHours(at('2026-12-01T23:30:00Z'), 'Europe/Madrid', lunch)).toBe(false);
  });

  it('reads the clock of the given zone', () => {
    // 03:00Z is 22:00 in New York (quiet) and 04:00 in Madrid (quiet), 14:00 in Sydney (not).
    const instant = at('2026-12-01T03:00:00Z');
    expect(isWithinQuietHours(instant, 'America/New_York', NIGHT)).toBe(true);
    expect(isWithinQuietHours(instant, 'Australia/Sydney', NIGHT)).toBe(false);
  });

  it('treats null and start == end as no quiet hours', () => {
    const instant = at('2026-12-01T23:00:00Z');
    expect(isWithinQuietHours(instant, 'Europe/Madrid', null)).toBe(false);
    expect(isWithinQuietHours(instant, 'Europe/Madrid', { start: '00:00', end: '00:00' })).toBe(
      false,
    );
  });
});

describe('combineQuietHours', () => {
  const clinic: QuietHours = { start: '21:00', end: '08:00' };
  const partner: QuietHours = { start: '23:00', end: '06:30' };

  it("uses the partner's quiet hours when set", () => {
    expect(combineQuietHours(clinic, partner)).toEqual(partner);
  });

  it("falls back to the clinic's when the partner has none", () => {
    expect(combineQuietHours(clinic, null)).toEqual(clinic);
    expect(combineQuietHours(clinic, undefined)).toEqual(clinic);
  });

  it('lets a partner opt out with start == end', () => {
    const none = { start: '00:00', end: '00:00' };
    expect(combineQuietHours(clinic, none)).toEqual(none);
    expect(isWithinQuietHours(at('2026-12-01T23:00:00Z'), 'Europe/Madrid', none)).toBe(false);
  });

  it('is null when neither has quiet hours', () => {
    expect(combineQuietHours(null, undefined)).toBeNull();
  });
});

describe('computeReminderTimes', () => {
  it('counts before_due back from the due instant', () => {
    const policy: ReminderPolicy = {
      dueSoon: { kind: 'before_due', minutes: 120 },
      overdueAfterMinutes: null,
    };
    expect(times('2026-12-01T19:00:00Z', 'Europe/Madrid', policy, NIGHT)).toEqual({
      dueSoonAt: '2026-12-01T17:00:00.000Z',
      overdueAt: null,
    });
  });

  it('moves a nudge from late evening to the end of quiet hours the next morning', () => {
    // Due 12:00 in Madrid on 2 Dec; 12.5 hours before is 23:30 on 1 Dec, inside 21:00–08:00.
    const policy: ReminderPolicy = {
      dueSoon: { kind: 'before_due', minutes: 750 },
      overdueAfterMinutes: null,
    };
    expect(times('2026-12-02T11:00:00Z', 'Europe/Madrid', policy, NIGHT).dueSoonAt).toBe(
      '2026-12-02T07:00:00.000Z',
    );
  });

  it('moves a nudge in the early-morning part of quiet hours to their end the same day', () => {
    const policy: ReminderPolicy = {
      dueSoon: { kind: 'before_due', minutes: 120 },
      overdueAfterMinutes: null,
    };
    expect(times('2026-12-02T08:00:00Z', 'Europe/Madrid', policy, NIGHT).dueSoonAt).toBe(
      '2026-12-02T07:00:00.000Z',
    );
  });

  it('drops a due-soon nudge that quiet hours would push to or past the due time', () => {
    const policy: ReminderPolicy = {
      dueSoon: { kind: 'before_due', minutes: 60 },
      overdueAfterMinutes: 30,
    };
    // Due 08:00 in Madrid: 07:00 is quiet and quiet hours end exactly when it is due.
    expect(times('2026-12-02T07:00:00Z', 'Europe/Madrid', policy, NIGHT)).toEqual({
      dueSoonAt: null,
      overdueAt: '2026-12-02T07:30:00.000Z',
    });
  });

  it('sends no due-soon nudge for kind none', () => {
    const policy: ReminderPolicy = { dueSoon: { kind: 'none' }, overdueAfterMinutes: 0 };
    expect(times('2026-12-01T19:00:00Z', 'Europe/Madrid', policy)).toEqual({
      dueSoonAt: null,
      overdueAt: '2026-12-01T19:00:00.000Z',
    });
  });

  describe('overdue', () => {
    it('adds overdueAfterMinutes to the due instant', () => {
      const policy: ReminderPolicy = { dueSoon: { kind: 'none' }, overdueAfterMinutes: 90 };
      expect(times('2026-12-01T12:00:00Z', 'Europe/Madrid', policy, NIGHT).overdueAt).toBe(
        '2026-12-01T13:30:00.000Z',
      );
    });

    it('moves an overdue nudge that lands in quiet hours to their end', () => {
      const policy: ReminderPolicy = { dueSoon: { kind: 'none' }, overdueAfterMinutes: 120 };
      // Due 20:00 in Madrid, overdue at 22:00: sent at 08:00 the next day.
      expect(times('2026-12-01T19:00:00Z', 'Europe/Madrid', policy, NIGHT).overdueAt).toBe(
        '2026-12-02T07:00:00.000Z',
      );
    });
  });

  describe('quiet hours across DST changes', () => {
    const overdueInAnHour: ReminderPolicy = { dueSoon: { kind: 'none' }, overdueAfterMinutes: 60 };
    const nyNight: QuietHours = { start: '22:00', end: '07:00' };

    it('ends at 07:00 EDT the morning clocks spring forward in New York', () => {
      // Due 22:00 EST on 7 Mar, overdue 23:00 EST; 07:00 on 8 Mar is already EDT (11:00Z).
      expect(times('2026-03-08T03:00:00Z', 'America/New_York', overdueInAnHour, nyNight)).toEqual({
        dueSoonAt: null,
        overdueAt: '2026-03-08T11:00:00.000Z',
      });
    });

    it('ends at 07:00 EST the morning clocks fall back in New York', () => {
      // Due 22:00 EDT on 31 Oct, overdue 23:00 EDT; 07:00 on 1 Nov is EST (12:00Z).
      expect(
        times('2026-11-01T02:00:00Z', 'America/New_York', overdueInAnHour, nyNight).overdueAt,
      ).toBe('2026-11-01T12:00:00.000Z');
    });

    it('ends at 08:00 AEDT the morning clocks spring forward in Sydney', () => {
      // Due 21:00 AEST on 3 Oct, overdue 22:00 AEST; 08:00 on 4 Oct is AEDT (21:00Z on 3 Oct).
      expect(
        times('2026-10-03T11:00:00Z', 'Australia/Sydney', overdueInAnHour, NIGHT).overdueAt,
      ).toBe('2026-10-03T21:00:00.000Z');
    });

    it('ends at 08:00 CET the morning clocks fall back in Madrid', () => {
      // Due 21:00 CEST on 24 Oct, overdue 22:00 CEST; 08:00 on 25 Oct is CET (07:00Z).
      expect(times('2026-10-24T19:00:00Z', 'Europe/Madrid', overdueInAnHour, NIGHT).overdueAt).toBe(
        '2026-10-25T07:00:00.000Z',
      );
    });

    it('ends when clocks jump when the end time falls in the spring-forward gap', () => {
      // Quiet until 02:30, which 8 Mar 2026 never shows in New York: it ends at 03:00 EDT.
      const quiet: QuietHours = { start: '22:00', end: '02:30' };
      expect(
        times('2026-03-08T03:00:00Z', 'America/New_York', overdueInAnHour, quiet).overdueAt,
      ).toBe('2026-03-08T07:00:00.000Z');
    });

    it('ends at the next showing of the end time on a fall-back night', () => {
      const quiet: QuietHours = { start: '00:00', end: '01:30' };
      const policy = (minutes: number): ReminderPolicy => ({
        dueSoon: { kind: 'none' },
        overdueAfterMinutes: minutes,
      });
      // 00:30 EDT → the first 01:30 (EDT, 05:30Z).
      expect(times('2026-11-01T04:00:00Z', 'America/New_York', policy(30), quiet).overdueAt).toBe(
        '2026-11-01T05:30:00.000Z',
      );
      // 01:10 EST, the second time round → the second 01:30 (EST, 06:30Z).
      expect(times('2026-11-01T06:00:00Z', 'America/New_York', policy(10), quiet).overdueAt).toBe(
        '2026-11-01T06:30:00.000Z',
      );
    });
  });

  describe('at_local_time', () => {
    const nineAm: ReminderPolicy = {
      dueSoon: { kind: 'at_local_time', time: '09:00' },
      overdueAfterMinutes: null,
    };

    it('is that time on the due day in the recipient zone', () => {
      // Due 20:00 in Madrid on 1 Dec → 09:00 Madrid (08:00Z).
      expect(times('2026-12-01T19:00:00Z', 'Europe/Madrid', nineAm).dueSoonAt).toBe(
        '2026-12-01T08:00:00.000Z',
      );
    });

    it("uses the recipient's zone, not the couple's", () => {
      // The couple's schedule says 08:00 in New York on 2 Dec (13:00Z). In Tokyo that is 22:00,
      // so 09:00 Tokyo that day comes first; in Los Angeles it is 05:00, so 09:00 is too late and
      // the nudge falls back to an hour before.
      expect(times('2026-12-02T13:00:00Z', 'Asia/Tokyo', nineAm).dueSoonAt).toBe(
        '2026-12-02T00:00:00.000Z',
      );
      expect(times('2026-12-02T13:00:00Z', 'America/Los_Angeles', nineAm).dueSoonAt).toBe(
        '2026-12-02T12:00:00.000Z',
      );
    });

    it('falls back to an hour before the due time when that local time is not before it', () => {
      // Due 20:00 in New York on 2 Dec = 02:00 on 3 Dec in Madrid, so 09:00 Madrid is too late.
      expect(times('2026-12-03T01:00:00Z', 'Europe/Madrid', nineAm).dueSoonAt).toBe(
        '2026-12-03T00:00:00.000Z',
      );
      expect(AT_LOCAL_TIME_FALLBACK_MINUTES).toBe(60);
    });

    it('drops the fallback too when it falls in quiet hours that outlast the due time', () => {
      expect(times('2026-12-03T01:00:00Z', 'Europe/Madrid', nineAm, NIGHT).dueSoonAt).toBeNull();
    });

    it('moves a local time in the spring-forward gap forward by the gap', () => {
      const policy: ReminderPolicy = {
        dueSoon: { kind: 'at_local_time', time: '02:30' },
        overdueAfterMinutes: null,
      };
      // Due 20:00 EDT on 8 Mar; 02:30 does not exist that day and becomes 03:30 EDT.
      expect(times('2026-03-09T00:00:00Z', 'America/New_York', policy).dueSoonAt).toBe(
        '2026-03-08T07:30:00.000Z',
      );
    });

    it('moves a local time inside quiet hours to their end', () => {
      const policy: ReminderPolicy = {
        dueSoon: { kind: 'at_local_time', time: '07:00' },
        overdueAfterMinutes: null,
      };
      expect(times('2026-12-01T19:00:00Z', 'Europe/Madrid', policy, NIGHT).dueSoonAt).toBe(
        '2026-12-01T07:00:00.000Z',
      );
    });
  });
});

describe('computeReminderTimes properties', () => {
  const zones = [
    'America/New_York',
    'Europe/Madrid',
    'Australia/Sydney',
    'Asia/Kolkata',
    'America/St_Johns',
    'Pacific/Chatham',
    'Australia/Lord_Howe',
    'UTC',
  ];
  const hhmm = fc
    .integer({ min: 0, max: 1439 })
    .map(
      (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
    );
  const policyArb: fc.Arbitrary<ReminderPolicy> = fc.record({
    dueSoon: fc.oneof(
      fc.constant({ kind: 'none' as const }),
      fc
        .integer({ min: 1, max: 2_000 })
        .map((minutes) => ({ kind: 'before_due' as const, minutes })),
      hhmm.map((time) => ({ kind: 'at_local_time' as const, time })),
    ),
    overdueAfterMinutes: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: null }),
  });
  const inputArb = fc.record({
    dueAt: fc
      .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) })
      .map((ms) => new Date(ms - (ms % 60_000))),
    zone: fc.constantFrom(...zones),
    policy: policyArb,
    quiet: fc.option(fc.record({ start: hhmm, end: hhmm }), { nil: null }),
  });

  it('never sends inside quiet hours, sends due-soon before due and overdue no earlier than asked', () => {
    fc.assert(
      fc.property(inputArb, ({ dueAt, zone, policy, quiet }) => {
        const { dueSoonAt, overdueAt } = computeReminderTimes({
          dueAt,
          recipientTimeZone: zone,
          policy,
          quietHours: quiet,
        });
        if (dueSoonAt) {
          expect(dueSoonAt.getTime()).toBeLessThan(dueAt.getTime());
          expect(isWithinQuietHours(dueSoonAt, zone, quiet)).toBe(false);
        }
        if (policy.dueSoon.kind === 'none') expect(dueSoonAt).toBeNull();
        if (policy.overdueAfterMinutes === null) {
          expect(overdueAt).toBeNull();
        } else {
          const earliest = dueAt.getTime() + policy.overdueAfterMinutes * 60_000;
          expect(overdueAt?.getTime()).toBeGreaterThanOrEqual(earliest);
          expect(isWithinQuietHours(overdueAt ?? dueAt, zone, quiet)).toBe(false);
          // Moved only as far as quiet hours demand: at most a day later.
          expect(overdueAt?.getTime()).toBeLessThanOrEqual(earliest + 86_400_000);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('puts an unmoved at_local_time nudge at that wall-clock time on the recipient due day', () => {
    fc.assert(
      fc.property(inputArb, hhmm, ({ dueAt, zone }, time) => {
        const { dueSoonAt } = computeReminderTimes({
          dueAt,
          recipientTimeZone: zone,
          policy: { dueSoon: { kind: 'at_local_time', time }, overdueAfterMinutes: null },
          quietHours: null,
        });
        const shown = DateTime.fromJSDate(dueSoonAt ?? dueAt, { zone });
        const fallback = dueAt.getTime() - AT_LOCAL_TIME_FALLBACK_MINUTES * 60_000;
        if (dueSoonAt?.getTime() !== fallback) {
          expect(shown.toISODate()).toBe(DateTime.fromJSDate(dueAt, { zone }).toISODate());
          // Equal to `time`, unless it is in a gap, where luxon cannot show it either.
          const parsed = DateTime.fromISO(`${shown.toISODate()}T${time}`, { zone });
          if (parsed.toFormat('HH:mm') === time) expect(shown.toFormat('HH:mm')).toBe(time);
        }
      }),
      { numRuns: 300 },
    );
  });
});
