import type { Schedule } from './schedule.schema';
import { nextOccurrenceAfter, occurrencesBetween } from './occurrences';

function daily(timeZone: string, date: string, dueTime: string): Schedule {
  return { timeZone, startDate: date, endDate: date, dueTime, recurrence: { kind: 'daily' } };
}

/** The due instant of a single-day schedule, as an ISO string, looked up over a wide window. */
function dueOn(timeZone: string, date: string, dueTime: string): string[] {
  return occurrencesBetween(
    daily(timeZone, date, dueTime),
    new Date('2026-01-01T00:00:00Z'),
    new Date('2027-01-01T00:00:00Z'),
  ).map((o) => o.dueAt.toISOString());
}

describe('occurrencesBetween across 2026 DST changes', () => {
  // [zone, local date, due time, expected UTC instant, why]
  const cases: Array<[string, string, string, string, string]> = [
    ['America/New_York', '2026-03-07', '08:00', '2026-03-07T13:00:00.000Z', 'EST, day before'],
    ['America/New_York', '2026-03-08', '01:30', '2026-03-08T06:30:00.000Z', 'EST, before gap'],
    ['America/New_York', '2026-03-08', '02:00', '2026-03-08T07:00:00.000Z', 'gap start → 03:00'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z', 'gap → 03:30 EDT'],
    ['America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00.000Z', 'EDT, gap end'],
    ['America/New_York', '2026-03-08', '08:00', '2026-03-08T12:00:00.000Z', 'EDT, same day'],
    ['America/New_York', '2026-10-31', '08:00', '2026-10-31T12:00:00.000Z', 'EDT, day before'],
    ['America/New_York', '2026-11-01', '01:00', '2026-11-01T05:00:00.000Z', 'first 01:00, EDT'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z', 'first 01:30, EDT'],
    ['America/New_York', '2026-11-01', '01:59', '2026-11-01T05:59:00.000Z', 'first 01:59, EDT'],
    ['America/New_York', '2026-11-01', '02:00', '2026-11-01T07:00:00.000Z', 'EST, only once'],
    ['America/New_York', '2026-11-01', '08:00', '2026-11-01T13:00:00.000Z', 'EST, same day'],
    ['Europe/Madrid', '2026-03-29', '01:59', '2026-03-29T00:59:00.000Z', 'CET, before gap'],
    ['Europe/Madrid', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z', 'gap → 03:30 CEST'],
    ['Europe/Madrid', '2026-03-29', '09:00', '2026-03-29T07:00:00.000Z', 'CEST, same day'],
    ['Europe/Madrid', '2026-03-28', '09:00', '2026-03-28T08:00:00.000Z', 'CET, day before'],
    ['Europe/Madrid', '2026-10-25', '02:00', '2026-10-25T00:00:00.000Z', 'first 02:00, CEST'],
    ['Europe/Madrid', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z', 'first 02:30, CEST'],
    ['Europe/Madrid', '2026-10-25', '03:00', '2026-10-25T02:00:00.000Z', 'CET, only once'],
    ['Europe/Madrid', '2026-10-25', '20:00', '2026-10-25T19:00:00.000Z', 'CET, same day'],
    ['Australia/Sydney', '2026-04-05', '02:00', '2026-04-04T15:00:00.000Z', 'first 02:00, AEDT'],
    ['Australia/Sydney', '2026-04-05', '02:30', '2026-04-04T15:30:00.000Z', 'first 02:30, AEDT'],
    ['Australia/Sydney', '2026-04-05', '03:00', '2026-04-04T17:00:00.000Z', 'AEST, only once'],
    ['Australia/Sydney', '2026-04-05', '09:00', '2026-04-04T23:00:00.000Z', 'AEST, same day'],
    ['Australia/Sydney', '2026-04-04', '09:00', '2026-04-03T22:00:00.000Z', 'AEDT, day before'],
    ['Australia/Sydney', '2026-10-04', '01:59', '2026-10-03T15:59:00.000Z', 'AEST, before gap'],
    ['Australia/Sydney', '2026-10-04', '02:30', '2026-10-03T16:30:00.000Z', 'gap → 03:30 AEDT'],
    ['Australia/Sydney', '2026-10-04', '09:00', '2026-10-03T22:00:00.000Z', 'AEDT, same day'],
  ];

  it.each(cases)('%s %s %s is due at %s (%s)', (zone, date, time, expected) => {
    expect(dueOn(zone, date, time)).toEqual([expected]);
  });

  it('keeps one occurrence per day through a week that contains both kinds of edge', () => {
    const schedule: Schedule = {
      timeZone: 'America/New_York',
      startDate: '2026-03-07',
      endDate: '2026-03-09',
      dueTime: '02:30',
      recurrence: { kind: 'daily' },
    };
    const result = occurrencesBetween(
      schedule,
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-03-31T00:00:00Z'),
    );
    expect(result.map((o) => [o.localDate, o.dueAt.toISOString()])).toEqual([
      ['2026-03-07', '2026-03-07T07:30:00.000Z'],
      ['2026-03-08', '2026-03-08T07:30:00.000Z'],
      ['2026-03-09', '2026-03-09T06:30:00.000Z'],
    ]);
  });
});

describe('occurrencesBetween windows and recurrences', () => {
  const base: Schedule = {
    timeZone: 'Europe/Madrid',
    startDate: '2026-12-01',
    dueTime: '20:00',
    recurrence: { kind: 'daily' },
  };

  it('includes an occurrence due exactly at the window start and excludes one at its end', () => {
    const result = occurrencesBetween(
      base,
      new Date('2026-12-02T19:00:00Z'),
      new Date('2026-12-04T19:00:00Z'),
    );
    expect(result.map((o) => o.localDate)).toEqual(['2026-12-02', '2026-12-03']);
  });

  it('returns nothing for an empty or inverted window', () => {
    const at = new Date('2026-12-02T19:00:00Z');
    expect(occurrencesBetween(base, at, at)).toEqual([]);
    expect(occurrencesBetween(base, at, new Date('2026-12-01T00:00:00Z'))).toEqual([]);
  });

  it('treats the end date as inclusive and nothing falls before the start date', () => {
    const result = occurrencesBetween(
      { ...base, endDate: '2026-12-03' },
      new Date('2026-11-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(result.map((o) => o.localDate)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
  });

  it('puts a once schedule on its start date only, ignoring any end date', () => {
    const result = occurrencesBetween(
      { ...base, endDate: '2026-12-20', dueTime: '19:30', recurrence: { kind: 'once' } },
      new Date('2026-01-01T00:00:00Z'),
      new Date('2028-01-01T00:00:00Z'),
    );
    expect(result.map((o) => [o.localDate, o.dueAt.toISOString()])).toEqual([
      ['2026-12-01', '2026-12-01T18:30:00.000Z'],
    ]);
  });

  it('keeps only the chosen ISO weekdays (Monday = 1, Sunday = 7)', () => {
    const result = occurrencesBetween(
      { ...base, recurrence: { kind: 'weekdays', weekdays: [7, 1, 4] } },
      new Date('2026-12-01T00:00:00Z'),
      new Date('2026-12-15T00:00:00Z'),
    );
    // 1 Dec 2026 is a Tuesday.
    expect(result.map((o) => o.localDate)).toEqual([
      '2026-12-03',
      '2026-12-06',
      '2026-12-07',
      '2026-12-10',
      '2026-12-13',
      '2026-12-14',
    ]);
  });

  it('counts every_n_days from the start date even when the window starts later', () => {
    const result = occurrencesBetween(
      { ...base, recurrence: { kind: 'every_n_days', n: 3 } },
      new Date('2026-12-05T00:00:00Z'),
      new Date('2026-12-15T00:00:00Z'),
    );
    expect(result.map((o) => o.localDate)).toEqual(['2026-12-07', '2026-12-10', '2026-12-13']);
  });

  it('uses the date on the clocks of the schedule zone, not of UTC', () => {
    // 23:30 in Kolkata (+05:30) is 18:00Z the same day; 01:00 in Chatham (+13:45 in summer) is
    // the previous UTC day.
    const kolkata = occurrencesBetween(
      { ...base, timeZone: 'Asia/Kolkata', dueTime: '23:30', endDate: '2026-12-01' },
      new Date('2026-11-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    );
    const chatham = occurrencesBetween(
      { ...base, timeZone: 'Pacific/Chatham', dueTime: '01:00', endDate: '2026-12-01' },
      new Date('2026-11-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(kolkata.map((o) => o.dueAt.toISOString())).toEqual(['2026-12-01T18:00:00.000Z']);
    expect(chatham.map((o) => o.dueAt.toISOString())).toEqual(['2026-11-30T11:15:00.000Z']);
  });

  it('skips a local date the zone never had instead of doubling the next one', () => {
    // Samoa moved across the date line: 29 Dec 2011 was followed by 31 Dec 2011.
    const result = occurrencesBetween(
      { ...base, timeZone: 'Pacific/Apia', startDate: '2011-12-28', dueTime: '10:00' },
      new Date('2011-12-27T00:00:00Z'),
      new Date('2011-12-31T12:00:00Z'),
    );
    expect(result.map((o) => [o.localDate, o.dueAt.toISOString()])).toEqual([
      ['2011-12-28', '2011-12-28T20:00:00.000Z'],
      ['2011-12-29', '2011-12-29T20:00:00.000Z'],
      ['2011-12-31', '2011-12-30T20:00:00.000Z'],
    ]);
  });

  it('lists a year of daily occurrences quickly', () => {
    const started = performance.now();
    const result = occurrencesBetween(
      { ...base, timeZone: 'America/New_York', startDate: '2026-01-01', dueTime: '09:00' },
      new Date('2026-01-01T00:00:00Z'),
      new Date('2027-01-01T00:00:00Z'),
    );
    expect(result).toHaveLength(365);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('nextOccurrenceAfter', () => {
  const schedule: Schedule = {
    timeZone: 'America/New_York',
    startDate: '2026-03-02',
    endDate: '2026-03-31',
    dueTime: '20:00',
    recurrence: { kind: 'weekdays', weekdays: [1, 4] },
  };

  it('finds the start when asked from long before it', () => {
    const next = nextOccurrenceAfter(schedule, new Date('2025-01-01T00:00:00Z'));
    expect(next).toEqual({ localDate: '2026-03-02', dueAt: new Date('2026-03-03T01:00:00Z') });
  });

  it('is strictly after the given instant', () => {
    const next = nextOccurrenceAfter(schedule, new Date('2026-03-03T01:00:00Z'));
    expect(next).toEqual({ localDate: '2026-03-05', dueAt: new Date('2026-03-06T01:00:00Z') });
  });

  it('crosses the spring-forward weekend with the new offset', () => {
    const next = nextOccurrenceAfter(schedule, new Date('2026-03-06T01:00:00Z'));
    expect(next).toEqual({ localDate: '2026-03-09', dueAt: new Date('2026-03-10T00:00:00Z') });
  });

  it('returns null once the end date has passed', () => {
    expect(nextOccurrenceAfter(schedule, new Date('2026-03-31T00:00:00Z'))).toBeNull();
  });

  it('reaches far ahead for an open-ended every_n_days schedule', () => {
    const next = nextOccurrenceAfter(
      { ...schedule, endDate: undefined, recurrence: { kind: 'every_n_days', n: 60 } },
      new Date('2026-03-03T01:00:00Z'),
    );
    expect(next).toEqual({ localDate: '2026-05-01', dueAt: new Date('2026-05-02T00:00:00Z') });
  });
});
