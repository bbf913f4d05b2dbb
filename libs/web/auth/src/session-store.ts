import { type AuthSession, isAuthSession } from './auth-contract';

/** One key holds the whole session so tokens and the user they belong to can never drift apart. */
export const SESSION_STORAGE_KEY = 'mend.session';

export function readSession(): AuthSession | null {
  const raw = window.localStorage.getItem(SESSION_STORAGE_KEY);
  if (raw === null) {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isAuthSession(parsed)) {
      return parsed;
    }
  } catch {
    // Falls through: a value we cannot read is treated like no session at all.
  }
  clearSession();
  return null;
}

export function writeSession(session: AuthSession): void {
  window.localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  window.localStorage.removeItem(SESSION_STORAGE_KEY);
}
