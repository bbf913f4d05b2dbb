export const REPORTS_OPTIONS = Symbol('REPORTS_OPTIONS');

export interface ReportsOptions {
  /** How often the monthly pass and the retention sweep run; null: not scheduled (tests). */
  scheduleEveryMs: number | null;
}

export const DEFAULT_REPORTS_OPTIONS: ReportsOptions = { scheduleEveryMs: 60 * 60_000 };
