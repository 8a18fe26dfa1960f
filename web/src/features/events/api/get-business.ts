import type { BusinessView } from '@nguon/shared';
import { useApiQuery } from '@/lib/use-api-query';

/** `GET /api/businesses/{id}` (verified ones are public): the name of a receiver known only by id; `null` waits. */
export function useBusinessName(businessId: string | null): string | null {
  const business = useApiQuery<BusinessView>(businessId ? `/api/businesses/${encodeURIComponent(businessId)}` : null);
  return business.status === 'success' ? business.data.legalName : null;
}
