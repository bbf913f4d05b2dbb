import { BACKGROUND_REQUEST_HEADER } from '@mend/shared-contracts';
import { fetchUtils, HttpError } from 'react-admin';

import { refreshSession } from './session-refresh';
import { readSession } from './session-store';

type FetchJson = typeof fetchUtils.fetchJson;
type FetchJsonResult = Awaited<ReturnType<FetchJson>>;

/**
 * 401s that already went through a refresh and a retry. `checkError` must not refresh a second
 * time for them, otherwise one expired session costs two refresh calls before the user is signed
 * out.
 */
const refreshAlreadyTried = new WeakSet<object>();

export function wasRefreshTried(error: unknown): boolean {
  return typeof error === 'object' && error !== null && refreshAlreadyTried.has(error);
}

export function isUnauthorized(error: unknown): error is HttpError {
  return error instanceof HttpError && error.status === 401;
}

function send(
  url: string,
  options: fetchUtils.Options,
  accessToken: string | undefined,
): Promise<FetchJsonResult> {
  // fetchJson treats `headers` as a Headers instance, so a plain object from a caller would break it.
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  if (accessToken !== undefined) {
    headers.set('Authorization', `Bearer ${accessToken}`);
  }
  return fetchUtils.fetchJson(url, { ...options, headers });
}

/**
 * Options for a request the app makes on its own, such as a poll: the API authenticates it but
 * does not count it as use, so an abandoned tab cannot keep its session alive.
 */
export function asBackgroundRequest(options: fetchUtils.Options = {}): fetchUtils.Options {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  headers.set(BACKGROUND_REQUEST_HEADER, '1');
  return { ...options, headers };
}

/**
 * `fetchUtils.fetchJson` with the signed-in user's bearer token. An expired access token is
 * renewed once and the request replayed, so a long-idle tab does not greet the user with an error.
 */
export const httpClient = async (
  url: string,
  options: fetchUtils.Options = {},
): Promise<FetchJsonResult> => {
  const usedToken = readSession()?.accessToken;
  try {
    return await send(url, options, usedToken);
  } catch (error) {
    if (!isUnauthorized(error) || usedToken === undefined) {
      throw error;
    }
    // Another request may have renewed the session while this one was in flight.
    const renewed = readSession()?.accessToken !== usedToken || (await refreshSession());
    const nextToken = readSession()?.accessToken;
    if (!renewed || nextToken === undefined) {
      refreshAlreadyTried.add(error);
      throw error;
    }
    try {
      return await send(url, options, nextToken);
    } catch (retryError) {
      if (isUnauthorized(retryError)) {
        refreshAlreadyTried.add(retryError);
      }
      throw retryError;
    }
  }
};
