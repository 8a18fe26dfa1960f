import { Navigate, Outlet, useLocation } from 'react-router';
import type { UserRole } from '@nguon/shared';
import { hasRole, landingFor, loginPath, useCurrentUser } from '@/lib/auth';
import { NotAllowedPage } from '@/components/layouts/not-allowed-page';

/** Pages for signed-in users: others go to the sign-in page, which brings them back here. */
export function RequireSession() {
  const user = useCurrentUser();
  const location = useLocation();
  if (!user) return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  return <Outlet />;
}

/**
 * Pages for some roles only: signed-out readers sign in first; others are told they may not, or,
 * where a page is a starting point (`/portal`), sent to their own workspace.
 */
export function RequireRole({ roles, others = 'not-allowed' }: { roles: readonly UserRole[]; others?: 'not-allowed' | 'workspace' }) {
  const user = useCurrentUser();
  const location = useLocation();
  if (!user) return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  if (!hasRole(user, roles)) return others === 'workspace' ? <Navigate to={landingFor(user)} replace /> : <NotAllowedPage />;
  return <Outlet />;
}
