import type { PublicLotSearch } from '@nguon/shared';
import { getJson, queryString, type RequestOptions } from '@/lib/api-client';

/** The batches of verified businesses that carry a lot code typed alone. */
export function searchLots(lot: string, options: RequestOptions): Promise<PublicLotSearch> {
  return getJson<PublicLotSearch>(`/api/public/lots${queryString({ code: lot })}`, options);
}
