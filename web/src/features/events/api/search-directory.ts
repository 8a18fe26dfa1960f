import type { BusinessDirectoryEntry } from '@nguon/shared';
import { queryString } from '@/lib/api-client';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/directory?q=`: verified businesses by name (diacritics optional) or tax code; waits for 2 characters. */
export function useDirectorySearch(q: string) {
  const query = q.trim();
  return useApiQuery<BusinessDirectoryEntry[]>(query.length >= 2 ? `/api/businesses/directory${queryString({ q: query })}` : null);
}
