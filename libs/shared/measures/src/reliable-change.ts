import { inClinicalRange } from './scoring';
import type { MeasureDirection } from './measure-definition.schema';

/** Two-tailed p < .05 (Jacobson & Truax 1991). */
export const RELIABLE_Z = 1.96;

/** What reliable change is computed from: a published RCI in points, or SD₁ and r. */
export type ChangeFigures = { direction: MeasureDirection; cutoff?: number } & (
  { rciPoints: number } | { baselineSd: number; reliability: number }
);

export type ChangeClass = 'recovered' | 'improved' | 'unchanged' | 'deteriorated';

export interface ReliableChange {
  /** after − before, in points. */
  change: number;
  /** The smallest |change| that is reliable, in points. */
  threshold: number;
  /** S_diff (standard error of the difference), in points. */
  sDiff: number;
  /** RC = change / S_diff. */
  index: number;
  classification: ChangeClass;
  /** True when the score moved out of (or into) the clinical range. */
  crossedCutoff: boolean;
}

/** `S_diff = √(2·SE²)` with `SE = SD₁·√(1 − r)`. */
export function standardErrorOfDifference(baselineSd: number, reliability: number): number {
  const se = baselineSd * Math.sqrt(1 - reliability);
  return Math.sqrt(2 * se * se);
}

/**
 * Jacobson–Truax classification of one partner's change from the baseline. Reliable when
 * |RC| > 1.96; "recovered" when reliably improved and moved from the clinical range out of it.
 */
export function reliableChange(
  before: number,
  after: number,
  figures: ChangeFigures,
): ReliableChange {
  const sDiff =
    'rciPoints' in figures
      ? figures.rciPoints / RELIABLE_Z
      : standardErrorOfDifference(figures.baselineSd, figures.reliability);
  const threshold = 'rciPoints' in figures ? figures.rciPoints : RELIABLE_Z * sDiff;
  const change = after - before;
  const index = change / sDiff;
  const better = figures.direction === 'higher_is_better' ? change > 0 : change < 0;
  const reliable = Math.abs(change) > threshold;
  const crossedCutoff =
    figures.cutoff !== undefined &&
    inClinicalRange(before, figures.cutoff, figures.direction) !==
      inClinicalRange(after, figures.cutoff, figures.direction);
  const classification: ChangeClass = !reliable
    ? 'unchanged'
    : !better
      ? 'deteriorated'
      : crossedCutoff
        ? 'recovered'
        : 'improved';
  return { change, threshold, sDiff, index, classification, crossedCutoff };
}

function variance(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
}

/** Sample standard deviation (n − 1); null under two values. */
export function sampleSd(values: readonly number[]): number | null {
  return values.length < 2 ? null : Math.sqrt(variance(values));
}

/**
 * Cronbach's α of complete rows (one row per respondent, one column per keyed item):
 * `k/(k−1) · (1 − Σ var(item) / var(total))`. Null when it cannot be computed (fewer than two
 * items or respondents, or totals that never vary).
 */
export function cronbachAlpha(rows: ReadonlyArray<readonly number[]>): number | null {
  const k = rows[0]?.length ?? 0;
  if (rows.length < 2 || k < 2 || rows.some((row) => row.length !== k)) return null;
  const itemVariance = Array.from({ length: k }, (_, i) =>
    variance(rows.map((row) => row[i] ?? 0)),
  );
  const totalVariance = variance(rows.map((row) => row.reduce((a, b) => a + b, 0)));
  if (totalVariance === 0) return null;
  return (k / (k - 1)) * (1 - itemVariance.reduce((a, b) => a + b, 0) / totalVariance);
}

/** Baselines a clinic needs before its own SD and α are trusted (MEASURES.md). */
export const MIN_CLINIC_BASELINES = 30;

export type ClinicFigures =
  | { ready: true; baselines: number; baselineSd: number; reliability: number }
  | { ready: false; baselines: number; reason: 'too_few_baselines' | 'no_spread' };

/**
 * SD₁ and r (α) estimated from a clinic's first administrations, one per partner, as keyed
 * item rows and totals. Incomplete rows (prorated) count for the SD but not for α.
 */
export function estimateClinicFigures(
  baselines: ReadonlyArray<{ total: number; keyedItems: ReadonlyArray<number | null> }>,
): ClinicFigures {
  if (baselines.length < MIN_CLINIC_BASELINES) {
    return { ready: false, baselines: baselines.length, reason: 'too_few_baselines' };
  }
  const complete = baselines
    .map((b) => b.keyedItems)
    .filter((row): row is number[] => row.every((v) => v !== null));
  const sd = sampleSd(baselines.map((b) => b.total));
  const alpha = cronbachAlpha(complete);
  if (sd === null || sd === 0 || alpha === null || alpha <= 0 || alpha >= 1) {
    return { ready: false, baselines: baselines.length, reason: 'no_spread' };
  }
  return { ready: true, baselines: baselines.length, baselineSd: sd, reliability: alpha };
}

/** The distance between the partners' totals at one administration round. */
export function dyadicGap(a: number, b: number): number {
  return Math.abs(a - b);
}

/**
 * The gap has widened past the clinic's threshold: it is above the threshold now and wider
 * than it was at the first round both partners answered.
 */
export function gapWidened(gaps: readonly number[], threshold: number): boolean {
  const first = gaps[0];
  const latest = gaps[gaps.length - 1];
  return (
    first !== undefined &&
    latest !== undefined &&
    gaps.length > 1 &&
    latest > threshold &&
    latest > first
  );
}
