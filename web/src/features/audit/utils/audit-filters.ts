import type { AuditQuery } from '@nguon/shared';
import { DEFAULT_OFFSET } from '@/lib/format';

/** The audit page's filters as the reader sets them (and as the URL keeps them). */
export interface AuditFilterValues {
  businessId: string;
  userId: string;
  targetId: string;
  action: string;
  /** Calendar dates `YYYY-MM-DD` in Vietnam's time, both days included. */
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilterValues = { businessId: '', userId: '', targetId: '', action: '', from: '', to: '' };
export const FILTER_KEYS = Object.keys(NO_FILTERS) as (keyof AuditFilterValues)[];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

export function filtersFromSearch(search: URLSearchParams): AuditFilterValues {
  const values = { ...NO_FILTERS };
  for (const key of FILTER_KEYS) values[key] = search.get(key)?.trim() ?? '';
  if (!DATE.test(values.from)) values.from = '';
  if (!DATE.test(values.to)) values.to = '';
  return values;
}

/** The API query: days become instants at Vietnam's midnight, the `to` day included whole. */
export function toAuditQuery(values: AuditFilterValues, limit: number, offset: number): AuditQuery {
  return {
    businessId: values.businessId || undefined,
    userId: values.userId || undefined,
    targetId: values.targetId || undefined,
    action: values.action || undefined,
    from: values.from ? `${values.from}T00:00:00${DEFAULT_OFFSET}` : undefined,
    to: values.to ? `${nextDay(values.to)}T00:00:00${DEFAULT_OFFSET}` : undefined,
    limit,
    offset,
  };
}
