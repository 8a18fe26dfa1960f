import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { toRequestError, type ApiRequestError } from './api-client';

export interface Action<A extends unknown[], R> {
  /** Runs the call; resolves to its result, or `undefined` when it failed (see `error`). */
  run: (...args: A) => Promise<R | undefined>;
  pending: boolean;
  error: ApiRequestError | null;
  reset: () => void;
}

/**
 * One write (a form's submit, a button): tracks pending and the last error, so the form can show
 * `error.fieldErrors` beside its fields and the error message above the button.
 */
export function useAction<A extends unknown[], R>(call: (...args: A) => Promise<R>): Action<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const mounted = useRef(true);
  const callRef = useRef(call);
  useLayoutEffect(() => {
    callRef.current = call;
  });

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A) => {
    setPending(true);
    setError(null);
    try {
      return await callRef.current(...args);
    } catch (caught) {
      if (mounted.current) setError(toRequestError(caught));
      return undefined;
    } finally {
      if (mounted.current) setPending(false);
    }
  }, []);

  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}
