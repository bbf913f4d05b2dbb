import type { Schedule } from '@mend/shared-schedule';
import { plannedDates } from './occurrence-planner.service';

const daily = (timeZone: string, dueTime: string): Schedule => ({
  timeZone,
  startDate: '2026-10-01',
  dueTime,
  recurrence: { kind: 'daily' },
});

describe('plannedDates', () => {
  it('keeps exactly the local dates asked for, however far the zone is from UTC', () => {
    for (const [zone, time] of [
      ['Pacific/Kiritimati', '00:30'],
      ['Pacific/Pago_Pago', '23:30'],
      ['America/New_York', '09:00'],
    ] as const) {
      const dates = plannedDates(daily(zone, time), '2026-10-30', '2026-11-03');
      expect([zone, dates.map((d) => d.localDate)]).toEqual([
        zone,
        ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03'],
      ]);
    }
  });

  it('gives the due instant on the couple’s clocks, across a clock change', () => {
    const dates = plannedDates(daily('America/New_York', '09:00'), '2026-10-31', '2026-11-01');
    expect(dates.map((d) => d.dueAt.toISOString())).toEqual([
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
    ]);
  });

  it('plans nothing before the start, after the end, or for an empty window', () => {
    const schedule: Schedule = { ...daily('Europe/Madrid', '20:00'), endDate: '2026-10-03' };
    expect(plannedDates(schedule, '2026-09-28', '2026-10-10').map((d) => d.localDate)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
    ]);
    expect(plannedDates(schedule, '2026-10-02', '2026-10-01')).toEqual([]);
  });
});
