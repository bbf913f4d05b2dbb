import type { Schedule } from './schedule.schema';
import { describeSchedule } from './describe-schedule';

function schedule(overrides: Partial<Schedule>): Schedule {
  return {
    timeZone: 'Europe/Madrid',
    startDate: '2026-03-02',
    dueTime: '20:00',
    recurrence: { kind: 'daily' },
    ...overrides,
  };
}

describe('describeSchedule', () => {
  const cases: Array<[string, Schedule, string, string]> = [
    [
      'chosen weekdays, in ISO order whatever the input order',
      schedule({ endDate: '2026-04-27', recurrence: { kind: 'weekdays', weekdays: [4, 1] } }),
      'Every Monday and Thursday at 8 pm, from 2 Mar to 27 Apr',
      'Cada lunes y jueves a las 20:00, del 2 mar al 27 abr',
    ],
    [
      'a range across the new year carries its years',
      schedule({
        startDate: '2026-12-01',
        endDate: '2027-01-26',
        recurrence: { kind: 'weekdays', weekdays: [1, 4] },
      }),
      'Every Monday and Thursday at 8 pm, from 1 Dec 2026 to 26 Jan 2027',
      'Cada lunes y jueves a las 20:00, del 1 dic 2026 al 26 ene 2027',
    ],
    [
      'three weekdays at noon',
      schedule({
        endDate: '2026-04-27',
        dueTime: '12:00',
        recurrence: { kind: 'weekdays', weekdays: [5, 1, 3] },
      }),
      'Every Monday, Wednesday and Friday at 12 pm, from 2 Mar to 27 Apr',
      'Cada lunes, miércoles y viernes a las 12:00, del 2 mar al 27 abr',
    ],
    [
      'all seven weekdays read as every day',
      schedule({ recurrence: { kind: 'weekdays', weekdays: [7, 6, 5, 4, 3, 2, 1] } }),
      'Every day at 8 pm, from 2 Mar',
      'Cada día a las 20:00, desde el 2 mar',
    ],
    [
      'once, ignoring an end date',
      schedule({
        startDate: '2026-12-03',
        endDate: '2027-02-01',
        dueTime: '19:30',
        recurrence: { kind: 'once' },
      }),
      'Once, on 3 Dec at 7:30 pm',
      'Una vez, el 3 dic a las 19:30',
    ],
    [
      'daily without an end',
      schedule({ startDate: '2026-12-01', dueTime: '09:00' }),
      'Every day at 9 am, from 1 Dec',
      'Cada día a las 9:00, desde el 1 dic',
    ],
    [
      'every n days with an end',
      schedule({
        startDate: '2026-05-01',
        endDate: '2026-06-26',
        dueTime: '18:00',
        recurrence: { kind: 'every_n_days', n: 3 },
      }),
      'Every 3 days at 6 pm, from 1 May to 26 Jun',
      'Cada 3 días a las 18:00, del 1 may al 26 jun',
    ],
    [
      'midnight',
      schedule({ dueTime: '00:00' }),
      'Every day at 12 am, from 2 Mar',
      'Cada día a las 0:00, desde el 2 mar',
    ],
    [
      'the one o’clock hour',
      schedule({ dueTime: '01:15' }),
      'Every day at 1:15 am, from 2 Mar',
      'Cada día a la 1:15, desde el 2 mar',
    ],
    [
      'just after noon and the afternoon',
      schedule({
        dueTime: '12:05',
        endDate: '2026-03-09',
        recurrence: { kind: 'every_n_days', n: 2 },
      }),
      'Every 2 days at 12:05 pm, from 2 Mar to 9 Mar',
      'Cada 2 días a las 12:05, del 2 mar al 9 mar',
    ],
    [
      'a recurring schedule that starts and ends on one day',
      schedule({ endDate: '2026-03-02', dueTime: '13:00' }),
      'Every day at 1 pm, on 2 Mar only',
      'Cada día a las 13:00, solo el 2 mar',
    ],
  ];

  it.each(cases)('%s', (_why, given, en, es) => {
    expect(describeSchedule(given, 'en')).toBe(en);
    expect(describeSchedule(given, 'es')).toBe(es);
  });

  describe('with today', () => {
    const nextYear = schedule({ startDate: '2027-01-04', dueTime: '09:00' });

    it('adds the year to a date in another year than today', () => {
      expect(describeSchedule(nextYear, 'en', { today: '2026-11-20' })).toBe(
        'Every day at 9 am, from 4 Jan 2027',
      );
      expect(describeSchedule(nextYear, 'es', { today: '2026-11-20' })).toBe(
        'Cada día a las 9:00, desde el 4 ene 2027',
      );
    });

    it('leaves it out when every date shown is in the current year', () => {
      expect(describeSchedule(nextYear, 'en', { today: '2027-01-01' })).toBe(
        'Every day at 9 am, from 4 Jan',
      );
    });

    it('adds it to both ends when only the end is in another year than today', () => {
      const ending = schedule({ startDate: '2026-11-02', endDate: '2026-12-28' });
      expect(describeSchedule(ending, 'en', { today: '2025-12-15' })).toBe(
        'Every day at 8 pm, from 2 Nov 2026 to 28 Dec 2026',
      );
      expect(describeSchedule(ending, 'en', { today: '2026-10-15' })).toBe(
        'Every day at 8 pm, from 2 Nov to 28 Dec',
      );
    });
  });
});
