import { API_BASE_URL } from './auth-api';
import { httpClient } from './http-client';
import { reportIsDue } from './idle-policy';
import { readSession } from './session-store';

/*
 * Signing out after the clinic's idle limit. The API is the authority (it refuses a session idle
 * past the limit); the web app matches it so people see a warning and a reason instead of an
 * unexplained login page. Activity is shared across tabs through localStorage: one tab in use
 * keeps the others signed in, and every tab reaches the limit at the same moment.
 */

/** Time stamps (epoch ms) shared by every tab; `mend.` keys go at sign-out with everything else. */
const ACTIVE_AT_KEY = 'mend.activity.activeAt';
const REPORTED_AT_KEY = 'mend.activity.reportedAt';

/** The signed-in clinic's limit in milliseconds, or null when nobody is signed in. */
export function idleLimitMs(): number | null {
  const session = readSession();
  return session === null ? null : session.user.inactivityTimeoutMinutes * 60_000;
}

function readStamp(key: string): number | null {
  const value = Number(window.localStorage.getItem(key));
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** Signing in is use, and the API has just seen it; stamps left by an earlier session go. */
export function markSignedIn(now: number): void {
  window.localStorage.setItem(ACTIVE_AT_KEY, String(now));
  window.localStorage.setItem(REPORTED_AT_KEY, String(now));
}

/** Last use in any tab. */
export function lastActiveAt(now: number): number {
  const stamp = readStamp(ACTIVE_AT_KEY);
  if (stamp !== null) return stamp;
  markSignedIn(now);
  return now;
}

export function recordActivity(now: number): void {
  window.localStorage.setItem(ACTIVE_AT_KEY, String(now));
}

/**
 * Tells the API about recent use when a report is due. The stamp is written before the request
 * so that other tabs do not send the same report.
 */
export async function reportActivityIfDue(now: number): Promise<void> {
  const activeAt = readStamp(ACTIVE_AT_KEY);
  const reportedAt = readStamp(REPORTED_AT_KEY) ?? 0;
  if (activeAt === null || !reportIsDue(now, activeAt, reportedAt)) return;
  window.localStorage.setItem(REPORTED_AT_KEY, String(now));
  try {
    await httpClient(`${API_BASE_URL}/auth/me`);
  } catch {
    // A session the API already ended shows up on the next real request, through checkError.
  }
}
