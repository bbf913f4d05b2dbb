import type { PromiseStatus } from '@mend/shared-contracts';

export interface TrendPromise {
  promiserUserId: string;
  /** YYYY-MM-DD: the week a promise counts in is the week it was due. */
  dueDate: string;
  status: PromiseStatus;
}

export interface StatusCounts {
  kept: number;
  partly: number;
  notKept: number;
  open: number;
}

export interface WeekTrend extends StatusCounts {
  /** ISO week, e.g. "2025-W07". */
  week: string;
  /** The Monday that starts it, YYYY-MM-DD. */
  weekStart: string;
  /** (kept + ½·partly) / confirmed, to 4 decimals; null when nothing due that week was confirmed. */
  keptRate: number | null;
}

export interface PartnerTrend {
  userId: string;
  /** Every promise the partner has made, whatever its due date. */
  totals: StatusCounts;
  /** Oldest week first, ending with the week of `today`. */
  weeks: WeekTrend[];
}

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? NaN, (month ?? NaN) - 1, day ?? NaN);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Monday of the ISO week that holds `date`. */
export function isoWeekStart(date: string): string {
  const ms = toUtc(date);
  const sinceMonday = (new Date(ms).getUTCDay() + 6) % 7;
  return fromUtc(ms - sinceMonday * DAY_MS);
}

/** "YYYY-Www": the ISO year is the year of the week's Thursday. */
export function isoWeekLabel(date: string): string {
  const thursday = toUtc(isoWeekStart(date)) + 3 * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function emptyCounts(): StatusCounts {
  return { kept: 0, partly: 0, notKept: 0, open: 0 };
}

function add(counts: StatusCounts, status: PromiseStatus): void {
  switch (status) {
    case 'kept':
      counts.kept += 1;
      break;
    case 'partly':
      counts.partly += 1;
      break;
    case 'not_kept':
      counts.notKept += 1;
      break;
    case 'open':
      counts.open += 1;
      break;
  }
}

export function keptRate(counts: StatusCounts): number | null {
  const confirmed = counts.kept + counts.partly + counts.notKept;
  if (confirmed === 0) return null;
  return Math.round(((counts.kept + counts.partly / 2) / confirmed) * 10_000) / 10_000;
}

/**
 * Each partner's promise record: totals over all time, and per ISO week for the `weeks` weeks
 * ending with the week of `today` (the couple's local date), where a partly kept promise
 * counts half.
 */
export function promiseTrend(
  promises: readonly TrendPromise[],
  partnerIds: readonly string[],
  today: string,
  weeks = 8,
): PartnerTrend[] {
  const lastMonday = toUtc(isoWeekStart(today));
  const starts = Array.from({ length: weeks }, (_, index) =>
    fromUtc(lastMonday - (weeks - 1 - index) * 7 * DAY_MS),
  );
  return partnerIds.map((userId) => {
    const totals = emptyCounts();
    const byWeek = new Map(starts.map((start) => [start, emptyCounts()]));
    for (const promise of promises) {
      if (promise.promiserUserId !== userId) continue;
      add(totals, promise.status);
      const week = byWeek.get(isoWeekStart(promise.dueDate));
      if (week) add(week, promise.status);
    }
    return {
      userId,
      totals,
      weeks: starts.map((weekStart) => {
        const counts = byWeek.get(weekStart) ?? emptyCounts();
        return { week: isoWeekLabel(weekStart), weekStart, ...counts, keptRate: keptRate(counts) };
      }),
    };
  });
}
