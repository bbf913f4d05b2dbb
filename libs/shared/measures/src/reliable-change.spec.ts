import {
  MIN_CLINIC_BASELINES,
  cronbachAlpha,
  dyadicGap,
  estimateClinicFigures,
  gapWidened,
  reliableChange,
  sampleSd,
  standardErrorOfDifference,
} from './reliable-change';

describe('reliable change with a published RCI (RDAS: 11.58 points, cutoff 47.31)', () => {
  const rdas = { rciPoints: 11.58, cutoff: 47.31, direction: 'higher_is_better' as const };

  it('40 → 52 is clinically significant improvement (reliable and across the cutoff)', () => {
    const result = reliableChange(40, 52, rdas);
    expect(result.classification).toBe('recovered');
    expect(result.crossedCutoff).toBe(true);
    expect(result.change).toBe(12);
  });

  it('40 → 51 is not reliable, although it crosses the cutoff', () => {
    const result = reliableChange(40, 51, rdas);
    expect(result.classification).toBe('unchanged');
    expect(result.crossedCutoff).toBe(true);
  });

  it('60 → 48 is reliable deterioration', () => {
    expect(reliableChange(60, 48, rdas).classification).toBe('deteriorated');
  });

  it('44 → 47 is unchanged', () => {
    expect(reliableChange(44, 47, rdas).classification).toBe('unchanged');
  });

  it('a reliable gain that stays in the clinical range is improvement, not recovery', () => {
    expect(reliableChange(20, 35, rdas).classification).toBe('improved');
  });
});

describe('Jacobson–Truax from SD₁ and r', () => {
  it('SD 7.30, r .79 → S_diff 4.73 and a threshold of 9.27 points', () => {
    expect(standardErrorOfDifference(7.3, 0.79).toFixed(2)).toBe('4.73');
    const result = reliableChange(30, 40, {
      baselineSd: 7.3,
      reliability: 0.79,
      direction: 'higher_is_better',
    });
    expect(result.sDiff.toFixed(2)).toBe('4.73');
    expect(result.threshold.toFixed(2)).toBe('9.27');
    expect(result.index.toFixed(2)).toBe('2.11');
    expect(result.classification).toBe('improved');
    expect(
      reliableChange(30, 39, { baselineSd: 7.3, reliability: 0.79, direction: 'higher_is_better' })
        .classification,
    ).toBe('unchanged');
  });

  it('reads a fall as improvement when higher is worse', () => {
    const figures = { baselineSd: 7.3, reliability: 0.79, direction: 'higher_is_worse' as const };
    expect(reliableChange(30, 20, figures).classification).toBe('improved');
    expect(reliableChange(20, 30, figures).classification).toBe('deteriorated');
    expect(reliableChange(30, 20, { ...figures, cutoff: 25 }).classification).toBe('recovered');
  });
});

describe("Cronbach's α", () => {
  it('matches hand computations', () => {
    // Item variances 1 and 1/3, total variance 7/3: α = 2 · (1 − (4/3)/(7/3)) = 6/7.
    expect(
      cronbachAlpha([
        [1, 2],
        [2, 3],
        [3, 3],
      ]),
    ).toBeCloseTo(6 / 7, 12);
    // Item variances 5/3, 1/3, 2.75/3; total variance 22.75/3: α = 1.5 · (8/13) = 12/13.
    expect(
      cronbachAlpha([
        [2, 3, 3],
        [4, 4, 5],
        [3, 3, 4],
        [5, 4, 5],
      ]),
    ).toBeCloseTo(12 / 13, 12);
  });

  it('is null when it cannot be computed', () => {
    expect(cronbachAlpha([[1, 2]])).toBeNull();
    expect(cronbachAlpha([[1], [2]])).toBeNull();
    expect(
      cronbachAlpha([
        [2, 2],
        [2, 2],
      ]),
    ).toBeNull();
  });
});

describe("a clinic's own figures", () => {
  const baseline = (i: number) => {
    const base = i % 7;
    const items = [base, base, Math.min(6, base + (i % 2)), base];
    return { keyedItems: items, total: items.reduce((a, b) => a + b, 0) };
  };

  it('waits for 30 baselines and says why', () => {
    const few = Array.from({ length: MIN_CLINIC_BASELINES - 1 }, (_, i) => baseline(i));
    expect(estimateClinicFigures(few)).toEqual({
      ready: false,
      baselines: 29,
      reason: 'too_few_baselines',
    });
  });

  it('estimates SD₁ and α from 30 baselines', () => {
    const rows = Array.from({ length: MIN_CLINIC_BASELINES }, (_, i) => baseline(i));
    const figures = estimateClinicFigures(rows);
    expect(figures.ready).toBe(true);
    if (!figures.ready) return;
    expect(figures.baselineSd).toBeCloseTo(sampleSd(rows.map((r) => r.total)) ?? NaN, 12);
    expect(figures.reliability).toBeCloseTo(
      cronbachAlpha(rows.map((r) => r.keyedItems)) ?? NaN,
      12,
    );
    expect(figures.reliability).toBeGreaterThan(0.9);
  });

  it('refuses figures from baselines that never vary', () => {
    const same = Array.from({ length: 30 }, () => ({ keyedItems: [3, 3], total: 6 }));
    expect(estimateClinicFigures(same)).toEqual({
      ready: false,
      baselines: 30,
      reason: 'no_spread',
    });
  });
});

describe('the gap between partners', () => {
  it('is the distance between totals', () => {
    expect(dyadicGap(12, 19)).toBe(7);
    expect(dyadicGap(19, 12)).toBe(7);
  });

  it('widens past a threshold only when it grew beyond it', () => {
    expect(gapWidened([2, 4, 7], 6)).toBe(true);
    expect(gapWidened([8, 7], 6)).toBe(false);
    expect(gapWidened([2, 6], 6)).toBe(false);
    expect(gapWidened([7], 6)).toBe(false);
  });
});
