import { HttpError } from 'react-admin';

import { API_BASE_URL, fieldErrors } from './auth-api';
import { httpClient } from './http-client';
import { refreshSession } from './session-refresh';
import { readSession } from './session-store';

/*
 * Calls for the endpoints the stock data provider does not cover, through the same
 * authenticated client (token, refresh, retry).
 */

/** react-admin's list dialect as a query string: `filter`, `sort` and `range` as JSON. */
export function listQuery(params: {
  filter?: object;
  sort?: [string, 'ASC' | 'DESC'];
  range?: [number, number];
}): string {
  const query = new URLSearchParams();
  if (params.filter) query.set('filter', JSON.stringify(params.filter));
  if (params.sort) query.set('sort', JSON.stringify(params.sort));
  if (params.range) query.set('range', JSON.stringify(params.range));
  return query.toString();
}

export async function getJson<T>(path: string): Promise<T> {
  const { json } = await httpClient(`${API_BASE_URL}${path}`);
  return json as T;
}

export async function sendJson<T>(
  method: 'POST' | 'PUT',
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  const { json } = await httpClient(`${API_BASE_URL}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: new Headers({ Accept: 'application/json', ...headers }),
  });
  return json as T;
}

/**
 * A file from the API (a report download) with the signed-in user's token, renewed once if it
 * has expired. Files are not JSON, so this does not go through `fetchJson`.
 */
export async function getFile(path: string): Promise<Blob> {
  const fetchWith = (token: string | undefined) =>
    fetch(`${API_BASE_URL}${path}`, {
      headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
    });
  let response = await fetchWith(readSession()?.accessToken);
  if (response.status === 401 && (await refreshSession())) {
    response = await fetchWith(readSession()?.accessToken);
  }
  if (!response.ok) throw new HttpError(response.statusText, response.status);
  return response.blob();
}

/*
 * The one reader of a failed call's body. The API answers bad input (and a conflict that names
 * a field) with `{ message, fields: { name: message } }`.
 */

/** `{ field: message }` of a failure that names fields, or null for any other failure. */
export function fieldProblems(error: unknown): Record<string, string> | null {
  if (!(error instanceof HttpError)) return null;
  const problems = fieldErrors(error.body);
  return Object.keys(problems).length > 0 ? problems : null;
}

/** What to tell the person: the first field's problem, else the API's message, else `fallback`. */
export function apiErrorMessage(error: unknown, fallback: string): string {
  if (!(error instanceof HttpError)) return fallback;
  const first = Object.values(fieldProblems(error) ?? {})[0];
  return first ?? (error.message || fallback);
}
