import { useCallback, useState } from 'react';

/** A list's filters and the page it is on; a changed filter starts again from the first page. */
export function useListFilters<F extends object>(initial: F) {
  const [filters, setFilters] = useState(initial);
  const [offset, setOffset] = useState(0);
  const filter = useCallback((change: Partial<F>) => {
    setOffset(0);
    setFilters((current) => ({ ...current, ...change }));
  }, []);
  return { filters, filter, offset, setOffset };
}
