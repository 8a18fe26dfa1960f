import type { LocalizedText } from '../i18n/locale.js';
import type { BatchStatus } from './batch.js';

/** What the results can be ordered by; `productName` orders by the Vietnamese name. */
export const BATCH_SEARCH_SORTS = ['lotCode', 'productName', 'business', 'status', 'productionDate', 'lastEventAt'] as const;
export type BatchSearchSort = (typeof BATCH_SEARCH_SORTS)[number];

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const LOT_MATCHES = ['exact', 'prefix'] as const;
export type LotMatch = (typeof LOT_MATCHES)[number];

/** Which date `from`/`to` bound: the batch's production date, or the time of one of its events. */
export const SEARCH_DATE_FIELDS = ['production', 'event'] as const;
export type SearchDateField = (typeof SEARCH_DATE_FIELDS)[number];

/**
 * `GET /api/search/batches` (inspectors, administrators): batches of every business. Texts match
 * with or without Vietnamese diacritics. `bizStep`, `disposition` and an `event` date range all
 * describe one event of the batch ("shipped in that week").
 */
export interface BatchSearchQuery {
  /** Product name, lot code or business name. */
  q?: string;
  /** GTIN-8, -12, -13 or -14; compared as GTIN-14. */
  gtin?: string;
  lot?: string;
  /** `exact` by default. */
  lotMatch?: LotMatch;
  productName?: string;
  /** A business's name, or the start of its tax code. */
  business?: string;
  /** A place's name: the batch's origin or where one of its events happened. */
  location?: string;
  /** A CBV bizStep word or one of the portal's bizStep URIs. */
  bizStep?: string;
  disposition?: string;
  status?: BatchStatus;
  dateField?: SearchDateField;
  /** Calendar days `YYYY-MM-DD` in Vietnam's time, both included. */
  from?: string;
  to?: string;
  sort?: BatchSearchSort;
  order?: SortOrder;
  limit?: number;
  offset?: number;
}

export interface BatchSearchResult {
  id: string;
  lotCode: string;
  productName: LocalizedText;
  gtin: string | null;
  businessId: string;
  businessName: string;
  status: BatchStatus;
  productionDate: string;
  /** The latest event not declared wrong; null before any. */
  lastEvent: { bizStep: string | null; eventType: string; eventTime: string } | null;
}
