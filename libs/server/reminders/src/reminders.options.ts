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
   * out on time rather than at the next tick; null means one and a half tick periods (0 with no
   * scheduler), so that a tick which starts late leaves no gap to the previous one's reach.
   */
  lookaheadMs: number | null;
  /** Due deliveries the tick reads per call of the due-deliveries function. */
  duePageSize: number;
  /** Deliveries of one clinic carried by one send job. */
  sendBatchSize: number;
  /**
   * Deliveries of one clinic due within the same window of this length share a send job, which
   * waits for the last of them: never early, at most this much late. (Planned times fall on
   * whole minutes, so in practice a batch is one clinic's minute.)
   */
  sendWindowMs: number;
  /** Emails one send job has in flight at once; SMTP_URL's pool bounds the connections. */
  mailConcurrency: number;
}

export const REMINDERS_OPTIONS = Symbol('REMINDERS_OPTIONS');

export const DEFAULT_REMINDERS_OPTIONS: RemindersOptions = {
  tickEveryMs: 60_000,
  leaseMs: 2 * 60_000,
  horizonMs: 8 * 24 * 3600_000,
  lookaheadMs: null,
  duePageSize: 2_000,
  sendBatchSize: 100,
  sendWindowMs: 100,
  mailConcurrency: 10,
};

/**
 * How far ahead of a tick's clock the tick queues send jobs (as delayed jobs). The planner
 * leaves deliveries due within it where they are: their send jobs may already be queued.
 */
export function queueLookaheadMs(options: RemindersOptions): number {
  return options.lookaheadMs ?? (options.tickEveryMs ?? 0) * 1.5;
}
