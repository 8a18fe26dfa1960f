import type { PublicBatchView } from '@nguon/shared';
import { getJson, type RequestOptions } from '@/lib/api-client';
import { useJsonResource } from '@/lib/use-json-resource';

const pathOf = (id: string) => `/api/public/batches/${encodeURIComponent(id)}`;

/** `GET /api/public/batches/{id}`: what a consumer may see of a batch. */
export function getPublicBatch(id: string, options: RequestOptions): Promise<PublicBatchView> {
  return getJson<PublicBatchView>(pathOf(id), options);
}

/**
 * The batch, shown at once from `initial` (the resolver's answer, or what the server rendered the
 * page from: `fresh`) when it is the same batch.
 */
export function usePublicBatch(id: string, initial: PublicBatchView | null, fresh = false) {
  return useJsonResource<PublicBatchView>(pathOf(id), initial?.id === id ? initial : null, fresh);
}
