import { useOutletContext } from 'react-router';
import type { CurrentUser } from '@nguon/shared';

export type PortalMembership = CurrentUser['memberships'][number];

/** The business the portal is acting for, as the signed-in member sees it (from the portal layout). */
export function usePortalBusiness(): PortalMembership {
  return useOutletContext<PortalMembership>();
}

export const portalPath = (businessId: string, rest = '') => `/portal/${encodeURIComponent(businessId)}${rest}`;
