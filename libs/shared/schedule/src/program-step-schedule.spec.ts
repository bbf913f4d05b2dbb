import { stepSchedule, type ProgramStepTiming } from './program-step-schedule';

const step = (over: Partial<ProgramStepTiming>): ProgramStepTiming => ({
  week: 1,
  recurrence: { kind: 'once' },
  ...over,
});

describe('stepSchedule', () => {
  it('starts a step on the first day of its week and ends a one-off the same day', () => {
    expect(stepSchedule(step({ week: 3 }), 'Europe/Madrid', '2026-12-01', '20:00')).toEqual({
      timeZone: 'Europe/Madrid',
      startDate: '2026-12-15',
      endDate: '2026-12-15',
      dueTime: '20:00',
      recurrence: { kind: 'once' },
    });
  });

  it('runs a repeating step to the end of its last week', () => {
    expect(
      stepSchedule(
        step({ week: 4, untilWeek: 8, recurrence: { kind: 'daily' } }),
        'UTC',
        '2026-12-01',
        '08:00',
      ),
    ).toMatchObject({
      startDate: '2026-12-22',
      endDate: '2027-01-25',
      recurrence: { kind: 'daily' },
    });
    expect(
      stepSchedule(
        step({ week: 2, recurrence: { kind: 'weekly', weekdays: [2, 5] } }),
        'UTC',
        '2026-12-01',
        '08:00',
      ),
    ).toMatchObject({
      startDate: '2026-12-08',
      endDate: '2026-12-14',
      recurrence: { kind: 'weekdays', weekdays: [2, 5] },
    });
  });
});
