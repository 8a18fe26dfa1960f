import type { Page, BusinessStatus, BusinessView } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

export interface BusinessListQuery {
  q?: string;
  status?: BusinessStatus | '';
  limit?: number;
  offset?: number;
}

/**
 * `GET /api/businesses`: administrators and inspectors see every status, others the verified
 * ones and their own. `q` matches the name (with or without diacritics) or the tax code.
 */
export function useBusinesses(query: BusinessListQuery) {
  return useApiQuery<Page<BusinessView>>(`/api/businesses${queryString({ ...query })}`);
}
