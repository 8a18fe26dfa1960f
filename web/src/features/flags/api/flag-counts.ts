import { useEffect } from 'react';
import type { FlagCounts } from '@nguon/shared';
import { useApiQuery, type ApiQuery } from '@/lib/use-api-query';

/** Whoever shows the counts, told to fetch them again. */
const listeners = new Set<() => void>();

/** The counts changed here (a flag moved on, a check raised new ones): every count on screen fetches again. */
export function flagCountsChanged(): void {
  for (const reload of listeners) reload();
}

/** `GET /api/flags/counts` (inspector, administrator): the open flags beside Flags in the navigation. */
export function useFlagCounts(): ApiQuery<FlagCounts> {
  const query = useApiQuery<FlagCounts>('/api/flags/counts');
  const { reload } = query;
  useEffect(() => {
    listeners.add(reload);
    return () => {
      listeners.delete(reload);
    };
  }, [reload]);
  return query;
}
