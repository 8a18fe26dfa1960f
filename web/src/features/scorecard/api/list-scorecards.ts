import type { ScorecardList, ScorecardListQuery } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/scorecards` (inspectors, administrators): every business's scores, sorted and paged, with the province's average. */
export function useScorecards(query: ScorecardListQuery) {
  return useApiQuery<ScorecardList>(`/api/scorecards${queryString({ ...query })}`);
}
