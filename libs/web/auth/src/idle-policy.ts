/*
 * When an idle session warns, ends, and tells the API about use: pure arithmetic on time stamps
 * (epoch ms), so the rules are tested without a browser.
 */

/** How long before the limit the warning appears. */
export const WARNING_LEAD_MS = 60_000;

/**
 * Local activity reaches the API at most this often (a plain authenticated request). Reporting
 * is due whenever there was activity since the last report, so the API's idea of the last
 * activity is never older than this app's: the app's limit is reached first.
 */
export const REPORT_EVERY_MS = 60_000;

export type IdleState =
  { kind: 'active' } | { kind: 'warning'; secondsLeft: number } | { kind: 'expired' };

/** Where a session stands, `now - activeAt` after its last use, against the clinic's limit. */
export function idleState(now: number, activeAt: number, limitMs: number): IdleState {
  const left = activeAt + limitMs - now;
  if (left <= 0) return { kind: 'expired' };
  if (left <= WARNING_LEAD_MS) return { kind: 'warning', secondsLeft: Math.ceil(left / 1000) };
  return { kind: 'active' };
}

/** True when the API has not yet heard of activity that happened here, and may be told now. */
export function reportIsDue(now: number, activeAt: number, reportedAt: number): boolean {
  return activeAt > reportedAt && now - reportedAt >= REPORT_EVERY_MS;
}
