import { API_BASE_URL, httpClient } from '@mend/web-auth';
import { useCallback, useEffect, useState } from 'react';
import { HttpError } from 'react-admin';

/**
 * Calls for the endpoints that are not plain CRUD (progress, trends, feedback, review…). The
 * stock data provider covers the lists; these go through the same authenticated client.
 */
export async function apiGet<T>(path: string): Promise<T> {
  const { json } = await httpClient(`${API_BASE_URL}${path}`);
  return json as T;
}

export async function apiSend<T>(path: string, method: 'POST' | 'PUT', body: unknown): Promise<T> {
  const { json } = await httpClient(`${API_BASE_URL}${path}`, {
    method,
    body: JSON.stringify(body ?? {}),
  });
  return json as T;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The API answers a bad body with `{message, fields}`; this reads the first useful message. */
export function describeApiError(error: unknown, fallback: string): string {
  if (error instanceof HttpError) {
    const body: unknown = error.body;
    const fields = isRecord(body) ? body['fields'] : undefined;
    if (isRecord(fields)) {
      const first = Object.values(fields).find((value) => typeof value === 'string');
      if (typeof first === 'string') return first;
    }
    if (error.message) return error.message;
  }
  return fallback;
}

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  reload: () => void;
}

/** A GET that re-runs when `path` changes or `reload()` is called. */
export function useApi<T>(path: string): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [isPending, setPending] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let active = true;
    setPending(true);
    apiGet<T>(path).then(
      (value) => {
        if (!active) return;
        setData(value);
        setError(null);
        setPending(false);
      },
      (failure: unknown) => {
        if (!active) return;
        setError(failure);
        setPending(false);
      },
    );
    return () => {
      active = false;
    };
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, isPending, reload };
}

export const listQuery = (filter: Record<string, unknown>, range: [number, number] = [0, 99]) =>
  `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent(JSON.stringify(range))}`;
