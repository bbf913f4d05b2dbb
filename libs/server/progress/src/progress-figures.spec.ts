import {
  asymmetry,
  partnerFigures,
  weeklyCompletion,
  type ExpectedOccurrence,
} from './progress-figures';

const now = new Date('2026-11-22T12:00:00Z');
const daysAgo = (days: number, done: boolean): ExpectedOccurrence => ({
  dueAt: new Date(now.getTime() - days * 86_400_000),
  done,
});

describe('partner figures', () => {
  it('computes completion over 7 and 30 days', () => {
    const figures = partnerFigures(
      [
        daysAgo(1, true),
        daysAgo(3, false),
        daysAgo(6, true),
        daysAgo(10, false),
        daysAgo(20, false),
      ],
      now,
    );
    expect(figures.completion7).toBeCloseTo(2 / 3);
    expect(figures.completion30).toBeCloseTo(2 / 5);
    expect(figures.expected30).toBe(5);
    expect(figures.done30).toBe(2);
  });

  it('counts the current streak and missed run from the most recent settled occurrence', () => {
    expect(
      partnerFigures([daysAgo(2, true), daysAgo(3, true), daysAgo(4, false)], now),
    ).toMatchObject({ streak: 2, missedInARow: 0 });
    expect(
      partnerFigures(
        [daysAgo(2, false), daysAgo(3, false), daysAgo(4, false), daysAgo(5, true)],
        now,
      ),
    ).toMatchObject({ streak: 0, missedInARow: 3 });
  });

  it('does not count an unanswered occurrence still inside its grace period as missed', () => {
    const figures = partnerFigures([daysAgo(0.5, false), daysAgo(2, true)], now);
    expect(figures).toMatchObject({ streak: 1, missedInARow: 0 });
  });

  it('ignores occurrences not yet due and reports no rate when nothing was due', () => {
    const figures = partnerFigures([daysAgo(-2, false)], now);
    expect(figures.completion7).toBeNull();
    expect(figures.streak).toBe(0);
  });
});

describe('asymmetry', () => {
  it('flags one partner doing most of the work, once there is enough to judge', () => {
    expect(asymmetry(9, 1)).toEqual({ shareA: 0.9, flagged: true });
    expect(asymmetry(1, 3)).toEqual({ shareA: 0.25, flagged: true });
    expect(asymmetry(5, 4).flagged).toBe(false);
    expect(asymmetry(2, 0).flagged).toBe(false);
    expect(asymmetry(0, 0)).toEqual({ shareA: null, flagged: false });
  });
});

describe('weekly completion', () => {
  it('buckets the last weeks oldest first', () => {
    const weeks = weeklyCompletion([daysAgo(1, true), daysAgo(2, false), daysAgo(8, true)], now, 3);
    expect(weeks).toEqual([null, 1, 0.5]);
  });
});
