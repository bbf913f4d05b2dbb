import { asSession, requestRefresh } from './auth-api';
import { clearSession, readSession, writeSession } from './session-store';

let refreshInFlight: Promise<boolean> | null = null;

/**
 * Trades the stored refresh token for a new session. Concurrent callers share one request:
 * the server rotates refresh tokens, so two parallel refreshes would invalidate each other.
 * Resolves `true` when a fresh session is stored.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= performRefresh().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function performRefresh(): Promise<boolean> {
  const current = readSession();
  if (current === null) {
    return false;
  }
  let answer;
  try {
    answer = await requestRefresh(current.refreshToken);
  } catch {
    // Offline is not proof the session is over; keep it so a later attempt can still succeed.
    return false;
  }
  const session = answer.status === 200 ? asSession(answer.body) : null;
  if (session === null) {
    // Only a definite "no" ends the session; a 429 or a 5xx says nothing about the token.
    if (answer.status === 400 || answer.status === 401 || answer.status === 403) {
      clearSession();
    }
    return false;
  }
  writeSession(session);
  return true;
}
