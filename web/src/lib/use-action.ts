import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { toRequestError, type ApiRequestError } from './api-client';

/** `error: null`: not sent, because the same action was still running (a double click). */
export type ActionResult<R> = { ok: true; value: R } | { ok: false; error: ApiRequestError | null };

export interface Action<A extends unknown[], R> {
  /** Runs the call; never rejects: a failure is `{ ok: false }` and also sets `error`. */
  run: (...args: A) => Promise<ActionResult<R>>;
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

  // The button is disabled while pending, but a second click can land before React re-renders it.
  const running = useRef(false);
  const run = useCallback(async (...args: A): Promise<ActionResult<R>> => {
    if (running.current) return { ok: false, error: null };
    running.current = true;
    setPending(true);
    setError(null);
    try {
      return { ok: true, value: await callRef.current(...args) };
    } catch (caught) {
      const failure = toRequestError(caught);
      if (mounted.current) setError(failure);
      return { ok: false, error: failure };
    } finally {
      running.current = false;
      if (mounted.current) setPending(false);
    }
  }, []);

  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}
