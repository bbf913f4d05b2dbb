import { LOCALE_STORAGE_KEY } from '@mend/web-i18n';

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

/** Every key Mend writes starts with this, so signing out can find them all. */
const MEND_KEY_PREFIX = 'mend.';

/**
 * Keys that belong to the device rather than to whoever used it: only the interface language,
 * so the sign-in page does not switch language under the next person.
 */
const DEVICE_KEYS: ReadonlySet<string> = new Set([LOCALE_STORAGE_KEY]);

function mendKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(MEND_KEY_PREFIX) && !DEVICE_KEYS.has(key)) keys.push(key);
  }
  return keys;
}

/**
 * Signing out on a shared phone must leave nothing of the person behind: the session, unsent
 * exercise drafts, and anything else an area keeps per user. Deny by default: every `mend.` key
 * goes unless it is listed as the device's, so a key added later cannot be forgotten here.
 */
export function forgetSignedInUser(): void {
  for (const storage of [window.localStorage, window.sessionStorage]) {
    for (const key of mendKeys(storage)) storage.removeItem(key);
  }
}
