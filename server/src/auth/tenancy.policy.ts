import type { MemberRole } from '@nguon/shared';
import { DomainError } from '../common/errors/domain-error.js';
import { READS_EVERYTHING } from './access-rule.js';
import type { Principal } from './principal.js';

const RANK: Record<MemberRole, number> = { staff: 1, owner: 2 };

function mayActFor(principal: Principal, businessId: string, memberRole: MemberRole): boolean {
  if (principal.kind === 'api_key') return principal.businessId === businessId;
  const role = principal.memberships.get(businessId);
  return role !== undefined && RANK[role] >= RANK[memberRole];
}

/**
 * The one decision of who may act for which business: a member of it (with at least the given
 * role), or an API key of it. Returns the business the request acts for, the first candidate the
 * principal may act for, or refuses.
 */
export const TenancyPolicy = {
  actingBusiness(principal: Principal, candidates: readonly string[], memberRole: MemberRole = 'staff'): string {
    const acting = candidates.find((businessId) => mayActFor(principal, businessId, memberRole));
    if (!acting) throw new DomainError('FORBIDDEN');
    return acting;
  },

  /** Whether the principal acts for any of these businesses (for reads of restricted data). */
  actsForAny(principal: Principal | null, businessIds: Iterable<string>): boolean {
    if (!principal) return false;
    for (const id of businessIds) if (mayActFor(principal, id, 'staff')) return true;
    return false;
  },

  /**
   * Whether a business and its records (places, ...) may be shown: to everyone once verified,
   * otherwise only to its own people, inspectors and administrators.
   */
  seesBusiness(principal: Principal | null, business: { id: string; status: string }): boolean {
    return business.status === 'verified' || TenancyPolicy.readsEverything(principal) || TenancyPolicy.actsForAny(principal, [business.id]);
  },

  /** Inspectors and administrators read everything. */
  readsEverything(principal: Principal | null): boolean {
    return principal?.kind === 'user' && READS_EVERYTHING.includes(principal.role);
  },
};
