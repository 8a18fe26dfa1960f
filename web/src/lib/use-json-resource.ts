import { useEffect, useEffectEvent, useState } from 'react';
import { ApiRequestError, getJson, isAbortError, type RequestErrorCode } from './api-client';
import { useLocale } from './i18n';

export type ResourceState<T> = { status: 'loading' } | { status: 'success'; data: T } | { status: 'error'; code: RequestErrorCode };

/**
 * GETs a JSON resource when `path` changes. `initial` (data the previous page already had) shows
 * at once and is then refreshed, so e.g. a recall made a moment ago still shows; unless it is
 * `fresh` (the server rendered the page from it this instant), then it is not asked for again.
 * Public views carry both languages, so switching language does not fetch again.
 */
export function useJsonResource<T>(path: string, initial: T | null, fresh = false): ResourceState<T> & { retry: () => void } {
  const { locale } = useLocale();
  const [result, setResult] = useState<{ path: string; state: ResourceState<T> } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [freshPath] = useState(fresh && initial !== null ? path : null);
  const currentLocale = useEffectEvent(() => locale);

  useEffect(() => {
    if (path === freshPath && attempt === 0) return;
    const controller = new AbortController();
    getJson<T>(path, { locale: currentLocale(), signal: controller.signal })
      .then((data) => setResult({ path, state: { status: 'success', data } }))
      .catch((error: unknown) => {
        if (isAbortError(error)) return;
        const code = error instanceof ApiRequestError ? error.code : 'INTERNAL';
        setResult((previous) =>
          // A failed refresh must not hide what is already on screen, unless the thing is gone.
          previous?.path === path && previous.state.status === 'success' && code === 'NETWORK'
            ? previous
            : { path, state: { status: 'error', code } },
        );
      });
    return () => controller.abort();
  }, [path, attempt, freshPath]);

  const retry = () => {
    setResult(null);
    setAttempt((value) => value + 1);
  };

  if (result?.path === path) return { ...result.state, retry };
  if (initial !== null) return { status: 'success', data: initial, retry };
  return { status: 'loading', retry };
}
