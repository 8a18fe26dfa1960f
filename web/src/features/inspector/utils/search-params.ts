import { BATCH_SEARCH_SORTS, SORT_ORDERS, type BatchSearchQuery, type BatchSearchSort } from '@nguon/shared';
import type { TableSort } from '@/components/ui/sort-header';

/** The search form's fields, named as the API names them; the URL keeps them, so a search can be shared. */
export const FILTER_KEYS = [
  'q',
  'gtin',
  'lot',
  'lotMatch',
  'productName',
  'business',
  'location',
  'bizStep',
  'disposition',
  'status',
  'dateField',
  'from',
  'to',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type SearchFilters = Record<FilterKey, string>;

export const NO_FILTERS = Object.fromEntries(FILTER_KEYS.map((key) => [key, ''])) as SearchFilters;

export type SearchSort = TableSort<BatchSearchSort>;

export const DEFAULT_SORT: SearchSort = { sort: 'productionDate', order: 'desc' };

export interface SearchState {
  filters: SearchFilters;
  sort: SearchSort;
  offset: number;
}

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.find((v) => v === value) ?? fallback;
}

export function searchStateFrom(params: URLSearchParams): SearchState {
  return {
    filters: Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as SearchFilters,
    sort: {
      sort: oneOf(BATCH_SEARCH_SORTS, params.get('sort'), DEFAULT_SORT.sort),
      order: oneOf(SORT_ORDERS, params.get('order'), DEFAULT_SORT.order),
    },
    offset: Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0),
  };
}

export function searchParamsOf({ filters, sort, offset }: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
  if (sort.sort !== DEFAULT_SORT.sort || sort.order !== DEFAULT_SORT.order) {
    params.set('sort', sort.sort);
    params.set('order', sort.order);
  }
  if (offset > 0) params.set('offset', String(offset));
  return params;
}

/** The API query for the state; empty fields are left out (the server validates the rest). */
export function toSearchQuery({ filters, sort, offset }: SearchState, limit: number): BatchSearchQuery {
  const set = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
  return { ...(set as BatchSearchQuery), ...sort, limit, offset };
}

export function hasFilters(filters: SearchFilters): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== '');
}
