import type { SortOrder } from '@nguon/shared';
import { useT } from '@/lib/i18n';
import './sort-header.css';

/** A table's order: the column sorted by, and which way. */
export interface TableSort<K extends string> {
  sort: K;
  order: SortOrder;
}

interface SortHeaderProps<K extends string> {
  label: string;
  sortKey: K;
  current: TableSort<K>;
  onSort: (sort: TableSort<K>) => void;
}

/** A column header that sorts by its column; a second click turns the order round. */
export function SortHeader<K extends string>({ label, sortKey, current, onSort }: SortHeaderProps<K>) {
  const t = useT();
  const active = current.sort === sortKey;
  const next = active && current.order === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (current.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="table-sort" onClick={() => onSort({ sort: sortKey, order: next })} data-testid={`sort-${sortKey}`}>
        {label}
        <span className="visually-hidden">, {t(next === 'asc' ? 'sort.ascending' : 'sort.descending')}</span>
        <span className="table-sort__arrow" aria-hidden="true">
          {active ? (current.order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
