import { scheduleSchema } from './schedule.schema';
import { quietHoursSchema, reminderPolicySchema } from './reminder-policy.schema';

const valid = {
  timeZone: 'America/New_York',
  startDate: '2026-03-02',
  endDate: '2026-04-27',
  dueTime: '20:00',
  recurrence: { kind: 'weekdays', weekdays: [1, 4] },
};

function issuesOf(input: unknown): string[] {
  const result = scheduleSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('scheduleSchema', () => {
  it('accepts a well-formed schedule and one without an end date', () => {
    expect(scheduleSchema.parse(valid)).toEqual(valid);
    expect(issuesOf({ ...valid, endDate: undefined })).toEqual([]);
    expect(issuesOf({ ...valid, endDate: valid.startDate })).toEqual([]);
  });

  it.each(['Mars/Olympus_Mons', 'New York', '', '+05:00', 'EST5EDT-not'])(
    'rejects the time zone %j',
    (timeZone) => {
      expect(issuesOf({ ...valid, timeZone })).toEqual(['timeZone']);
    },
  );

  it.each(['Europe/Madrid', 'Australia/Sydney', 'Pacific/Chatham', 'UTC'])(
    'accepts the IANA zone %s',
    (timeZone) => {
      expect(issuesOf({ ...valid, timeZone })).toEqual([]);
    },
  );

  it.each(['2026-02-30', '2026-13-01', '2026-3-2', '02/03/2026', '2026-03-02T00:00'])(
    'rejects the date %s',
    (startDate) => {
      expect(issuesOf({ ...valid, startDate })).toContain('startDate');
    },
  );

  it('rejects an end date before the start date', () => {
    expect(issuesOf({ ...valid, endDate: '2026-03-01' })).toEqual(['endDate']);
  });

  it.each(['24:00', '7:30', '07:60', '0730', '07:30:00'])('rejects the due time %s', (dueTime) => {
    expect(issuesOf({ ...valid, dueTime })).toEqual(['dueTime']);
  });

  it.each([
    [[], 'empty'],
    [[1, 1], 'repeated'],
    [[0], 'below Monday'],
    [[8], 'past Sunday'],
    [[1.5], 'fractional'],
  ])('rejects the weekdays %j (%s)', (weekdays) => {
    expect(issuesOf({ ...valid, recurrence: { kind: 'weekdays', weekdays } })).not.toEqual([]);
  });

  it.each([1, 61, 2.5])('rejects every_n_days with n = %d', (n) => {
    expect(issuesOf({ ...valid, recurrence: { kind: 'every_n_days', n } })).not.toEqual([]);
  });

  it.each([2, 60])('accepts every_n_days with n = %d', (n) => {
    expect(issuesOf({ ...valid, recurrence: { kind: 'every_n_days', n } })).toEqual([]);
  });

  it('rejects an unknown recurrence kind', () => {
    expect(issuesOf({ ...valid, recurrence: { kind: 'monthly' } })).not.toEqual([]);
  });
});

describe('reminder policy schemas', () => {
  it('accepts each due-soon kind and a null overdue delay', () => {
    for (const dueSoon of [
      { kind: 'none' },
      { kind: 'before_due', minutes: 90 },
      { kind: 'at_local_time', time: '09:00' },
    ]) {
      expect(reminderPolicySchema.safeParse({ dueSoon, overdueAfterMinutes: null }).success).toBe(
        true,
      );
    }
  });

  it('rejects non-positive before_due minutes, negative overdue delays and bad times', () => {
    const parse = (dueSoon: unknown, overdueAfterMinutes: unknown) =>
      reminderPolicySchema.safeParse({ dueSoon, overdueAfterMinutes }).success;
    expect(parse({ kind: 'before_due', minutes: 0 }, null)).toBe(false);
    expect(parse({ kind: 'none' }, -5)).toBe(false);
    expect(parse({ kind: 'at_local_time', time: '9am' }, null)).toBe(false);
  });

  it('accepts quiet hours that wrap midnight and rejects malformed ones', () => {
    expect(quietHoursSchema.safeParse({ start: '21:00', end: '08:00' }).success).toBe(true);
    expect(quietHoursSchema.safeParse({ start: '21:00', end: '8:00' }).success).toBe(false);
  });
});
