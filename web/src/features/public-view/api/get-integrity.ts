import type { IntegrityReport } from '@nguon/shared';
import { useJsonResource } from '@/lib/use-json-resource';

/** `GET /api/batches/{id}/integrity`: whether the batch's stored records still form an unbroken chain. */
export function useIntegrity(batchId: string) {
  return useJsonResource<IntegrityReport>(`/api/batches/${encodeURIComponent(batchId)}/integrity`, null);
}
