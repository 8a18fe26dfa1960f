import type { TraceIntegrityReport } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';
import type { TraceOptions } from './get-trace';

/** `GET /api/batches/{id}/trace/integrity`: every batch of the trace checked against its hash chain. */
export function useTraceIntegrity(batchId: string, options: TraceOptions) {
  return useApiQuery<TraceIntegrityReport>(`/api/batches/${encodeURIComponent(batchId)}/trace/integrity${queryString({ ...options })}`);
}
