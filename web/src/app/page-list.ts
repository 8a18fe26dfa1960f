import type { RouteObject } from 'react-router';
import type { UserRole } from '@nguon/shared';

/**
 * Who a page is for: anyone (the consumer pages, signing in), any signed-in user, the members of
 * the business in its path, or some roles.
 */
export type PageAccess = 'public' | 'signed-in' | 'business-member' | readonly UserRole[];

/** What a route of `routes.tsx` says about its pages: the guards set it, the pages under them inherit it. */
export interface RouteHandle {
  access: PageAccess;
}

export interface PageEntry {
  /** The path pattern, as the router matches it: `/portal/:businessId/batches/:batchId`. */
  path: string;
  /** The innermost access of the routes on the way to it. */
  access: PageAccess;
}

const accessOf = (route: RouteObject): PageAccess | undefined => (route.handle as RouteHandle | undefined)?.access;

/**
 * Every page of the router with who it is for, read from the route tree itself: the browser tests
 * walk it to check that each page is reachable from the navigation of the roles it is for.
 */
export function listPages(routes: readonly RouteObject[], parent = '', inherited: PageAccess = 'public'): PageEntry[] {
  return routes.flatMap((route) => {
    const path = route.path ? `${parent.replace(/\/$/, '')}/${route.path}` : parent || '/';
    const access = accessOf(route) ?? inherited;
    if (route.children?.length) return listPages(route.children, path, access);
    return [{ path, access }];
  });
}
