import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { apiRequest, isAbortError, toRequestError, type ApiRequestError } from './api-client';
import { useLocale } from './i18n';

export type QueryState<T> = { status: 'loading' } | { status: 'success'; data: T } | { status: 'error'; error: ApiRequestError };

export type ApiQuery<T> = QueryState<T> & {
  /** Fetches again, keeping what is on screen until the answer comes. */
  reload: () => void;
  /** Replaces the data with what a write returned, without a round trip. */
  setData: (update: (data: T) => T) => void;
};

/**
 * GETs `path` as the signed-in user whenever it changes (`null` waits). Data stays on screen
 * while a reload runs; a reload that fails over the network keeps it too.
 */
export function useApiQuery<T>(path: string | null): ApiQuery<T> {
  const { locale } = useLocale();
  const [result, setResult] = useState<{ path: string; state: QueryState<T> } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const currentLocale = useEffectEvent(() => locale);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    apiRequest<T>('GET', path, { locale: currentLocale(), signal: controller.signal })
      .then((data) => setResult({ path, state: { status: 'success', data } }))
      .catch((caught: unknown) => {
        if (isAbortError(caught)) return;
        const error = toRequestError(caught);
        setResult((previous) =>
          previous?.path === path && previous.state.status === 'success' && error.code === 'NETWORK'
            ? previous
            : { path, state: { status: 'error', error } },
        );
      });
    return () => controller.abort();
  }, [path, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  const setData = useCallback(
    (update: (data: T) => T) =>
      setResult((previous) =>
        previous?.state.status === 'success'
          ? { path: previous.path, state: { status: 'success', data: update(previous.state.data) } }
          : previous,
      ),
    [],
  );

  const state: QueryState<T> = result !== null && result.path === path ? result.state : { status: 'loading' };
  return { ...state, reload, setData };
}
