import type { TraceDirection, TraceView } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

export interface TraceOptions {
  direction: TraceDirection;
  depth: number;
}

/** `GET /api/batches/{id}/trace`: the batches and businesses linked to a batch, back and forward. */
export function useTrace(batchId: string, options: TraceOptions) {
  return useApiQuery<TraceView>(`/api/batches/${encodeURIComponent(batchId)}/trace${queryString({ ...options })}`);
}
