import { isoWeekLabel, isoWeekStart, keptRate, promiseTrend } from './promise-trend';

describe('ISO weeks', () => {
  it.each([
    ['2025-01-01', '2024-12-30', '2025-W01'],
    ['2024-12-29', '2024-12-23', '2024-W52'],
    ['2021-01-03', '2020-12-28', '2020-W53'],
    ['2026-03-09', '2026-03-09', '2026-W11'],
    ['2026-03-15', '2026-03-09', '2026-W11'],
  ])('%s is in the week starting %s (%s)', (date, monday, label) => {
    expect(isoWeekStart(date)).toBe(monday);
    expect(isoWeekLabel(date)).toBe(label);
  });
});

describe('kept rate', () => {
  it('counts partly as half and ignores open promises', () => {
    expect(keptRate({ kept: 1, partly: 1, notKept: 2, open: 5 })).toBe(0.375);
    expect(keptRate({ kept: 0, partly: 0, notKept: 0, open: 3 })).toBeNull();
    expect(keptRate({ kept: 1, partly: 0, notKept: 2, open: 0 })).toBe(0.3333);
  });
});

describe('promise trend', () => {
  const a = 'partner-a';
  const b = 'partner-b';

  it('buckets by due week over the last weeks and totals over all time', () => {
    const trend = promiseTrend(
      [
        { promiserUserId: a, dueDate: '2026-03-11', status: 'kept' },
        { promiserUserId: a, dueDate: '2026-03-12', status: 'partly' },
        { promiserUserId: a, dueDate: '2026-03-02', status: 'not_kept' },
        { promiserUserId: a, dueDate: '2026-03-15', status: 'open' },
        // Nine weeks back: in the totals, outside the window.
        { promiserUserId: a, dueDate: '2026-01-12', status: 'kept' },
        { promiserUserId: b, dueDate: '2026-03-10', status: 'not_kept' },
      ],
      [a, b],
      '2026-03-13',
      8,
    );
    const [trendA, trendB] = trend;
    expect(trendA?.totals).toEqual({ kept: 2, partly: 1, notKept: 1, open: 1 });
    expect(trendA?.weeks.map((week) => week.weekStart)).toEqual([
      '2026-01-19',
      '2026-01-26',
      '2026-02-02',
      '2026-02-09',
      '2026-02-16',
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
    ]);
    expect(trendA?.weeks[7]).toEqual({
      week: '2026-W11',
      weekStart: '2026-03-09',
      kept: 1,
      partly: 1,
      notKept: 0,
      open: 1,
      keptRate: 0.75,
    });
    expect(trendA?.weeks[6]?.keptRate).toBe(0);
    expect(trendA?.weeks[0]?.keptRate).toBeNull();
    expect(trendB?.totals).toEqual({ kept: 0, partly: 0, notKept: 1, open: 0 });
    expect(trendB?.weeks[7]?.keptRate).toBe(0);
  });
});
