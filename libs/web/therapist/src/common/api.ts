import { apiErrorMessage, getJson } from '@mend/web-auth';
import { useCallback, useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';

/*
 * The therapist screens call the API through web-auth's helpers (getJson, sendJson, listQuery)
 * for what the stock data provider does not cover (progress, trends, feedback, review…).
 */

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
    getJson<T>(path).then(
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

export interface ApiAction<A extends unknown[]> {
  /** Sends the call; resolves to whether it succeeded (a failure has been shown already). */
  run: (...args: A) => Promise<boolean>;
  busy: boolean;
}

/**
 * A panel's button press: the call, a busy flag that disables the buttons meanwhile, and a
 * notification either way (the API's own words on failure). `success` is a message key, or a
 * function of the arguments for actions with several outcomes.
 */
export function useApiAction<A extends unknown[], R = unknown>(
  call: (...args: A) => Promise<R>,
  success: string | ((...args: A) => string),
  onDone?: (result: R) => void,
): ApiAction<A> {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async (...args: A): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await call(...args);
      notify(typeof success === 'string' ? success : success(...args), { type: 'success' });
      onDone?.(result);
      return true;
    } catch (error) {
      notify(apiErrorMessage(error, translate('therapist.common.save_failed')), { type: 'error' });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}
