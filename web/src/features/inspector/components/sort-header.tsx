import type { BatchSearchSort } from '@nguon/shared';
import { useT } from '@/lib/i18n';
import type { SearchSort } from '../utils/search-params';

interface SortHeaderProps {
  label: string;
  sortKey: BatchSearchSort;
  current: SearchSort;
  onSort: (sort: SearchSort) => void;
}

/** A column header that sorts by its column; a second click turns the order round. */
export function SortHeader({ label, sortKey, current, onSort }: SortHeaderProps) {
  const t = useT();
  const active = current.sort === sortKey;
  const next = active && current.order === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (current.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button
        type="button"
        className="inspector-sort"
        onClick={() => onSort({ sort: sortKey, order: next })}
        data-testid={`sort-${sortKey}`}
      >
        {label}
        <span className="visually-hidden">, {t(next === 'asc' ? 'inspector.sort.ascending' : 'inspector.sort.descending')}</span>
        <span className="inspector-sort__arrow" aria-hidden="true">
          {active ? (current.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
