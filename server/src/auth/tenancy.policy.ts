import { DomainError } from '../common/errors/domain-error.js';
import type { AuthUser } from './auth-user.js';

/**
 * The one place that decides whether a user may write for a business. Services call it before
 * every write; nothing else checks memberships.
 */
export const TenancyPolicy = {
  assertActsFor(user: AuthUser, businessId: string): void {
    if (!user.memberships.has(businessId)) throw new DomainError('FORBIDDEN');
  },

  assertAdmin(user: AuthUser): void {
    if (user.role !== 'admin') throw new DomainError('FORBIDDEN');
  },

  /** Whether the user acts for any of these businesses. */
  actsForAny(user: AuthUser, businessIds: Iterable<string>): boolean {
    for (const id of businessIds) if (user.memberships.has(id)) return true;
    return false;
  },
};
