import { useEffect, useEffectEvent, useState } from 'react';
import type { PublicBatchView } from '@nguon/shared';
import { ApiRequestError, getJson, isAbortError, type RequestErrorCode, type RequestOptions } from '@/lib/api-client';
import { useLocale } from '@/lib/i18n';

/** `GET /api/public/batches/{id}`: what a consumer may see of a batch. */
export function getPublicBatch(id: string, options: RequestOptions): Promise<PublicBatchView> {
  return getJson<PublicBatchView>(`/api/public/batches/${encodeURIComponent(id)}`, options);
}

export type PublicBatchState =
  | { status: 'loading' }
  | { status: 'success'; batch: PublicBatchView }
  | { status: 'error'; code: RequestErrorCode };

/**
 * Loads a batch. `initial` (the resolver's answer, handed over by the home page) is shown at once
 * and then refreshed, so a recall made a moment ago still shows. The data carries both languages,
 * so switching language does not fetch again.
 */
export function usePublicBatch(id: string, initial?: PublicBatchView | null): PublicBatchState & { retry: () => void } {
  const { locale } = useLocale();
  const [result, setResult] = useState<{ id: string; state: PublicBatchState } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const currentLocale = useEffectEvent(() => locale);

  useEffect(() => {
    const controller = new AbortController();
    getPublicBatch(id, { locale: currentLocale(), signal: controller.signal })
      .then((batch) => setResult({ id, state: { status: 'success', batch } }))
      .catch((error: unknown) => {
        if (isAbortError(error)) return;
        const code = error instanceof ApiRequestError ? error.code : 'INTERNAL';
        setResult((previous) =>
          // A failed refresh must not hide what is already on screen, unless the batch is gone.
          previous?.id === id && previous.state.status === 'success' && code === 'NETWORK'
            ? previous
            : { id, state: { status: 'error', code } },
        );
      });
    return () => controller.abort();
  }, [id, attempt]);

  const retry = () => {
    setResult(null);
    setAttempt((value) => value + 1);
  };

  if (result?.id === id) return { ...result.state, retry };
  if (initial?.id === id) return { status: 'success', batch: initial, retry };
  return { status: 'loading', retry };
}
