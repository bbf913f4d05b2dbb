/** Tunables of the reminder jobs; tests override the provider to drive the clock themselves. */
export interface RemindersOptions {
  /** How often the planning tick runs; null registers no scheduler (tests tick by hand). */
  tickEveryMs: number | null;
  /** A sender that has not finished by then is presumed dead; the tick hands its delivery on. */
  leaseMs: number;
  /** How far ahead occurrences get their nudges planned (longest before-due rule is a week). */
  horizonMs: number;
  /**
   * Deliveries due within this long after a tick are queued by it as delayed jobs, so they go
   * out on time rather than at the next tick; null means one tick period (0 with no scheduler).
   */
  lookaheadMs: number | null;
  /** Send jobs enqueued per call of the due-deliveries function. */
  batchSize: number;
}

export const REMINDERS_OPTIONS = Symbol('REMINDERS_OPTIONS');

export const DEFAULT_REMINDERS_OPTIONS: RemindersOptions = {
  tickEveryMs: 60_000,
  leaseMs: 2 * 60_000,
  horizonMs: 8 * 24 * 3600_000,
  batchSize: 2_000,
  lookaheadMs: null,
};

/** How far ahead of a tick's clock the tick queues send jobs (as delayed jobs). */
export function queueLookaheadMs(options: RemindersOptions): number {
  return options.lookaheadMs ?? options.tickEveryMs ?? 0;
}
