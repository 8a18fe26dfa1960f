import { useCallback, useEffect, useEffectEvent, useSyncExternalStore } from 'react';
import type { CurrentUser, UserRole } from '@nguon/shared';
import { apiRequest } from './api-client';
import { useLocale } from './i18n';
import { endSession, getSession, lastSessionEnd, startSession, subscribeSession, updateSessionUser, type Session } from './session';

export { startSession, lastSessionEnd, type Session };

/** The current sign-in (or null), kept in `localStorage['nguon.session']` and shared by all tabs. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, () => null);
}

export function useCurrentUser(): CurrentUser | null {
  return useSession()?.user ?? null;
}

export function hasRole(user: CurrentUser | null, roles: readonly UserRole[]): boolean {
  return user !== null && roles.includes(user.role);
}

/**
 * Signs out: the server forgets the token (`POST /api/auth/logout`), the browser forgets the
 * session whatever the server answered (offline, token already dead).
 */
export function useSignOut(): () => Promise<void> {
  const { locale } = useLocale();
  return useCallback(async () => {
    const session = getSession();
    if (!session) return;
    try {
      await apiRequest<void>('POST', '/api/auth/logout', { locale });
    } catch {
      // Nothing to do: the token is dropped below either way.
    }
    endSession('signed-out');
  }, [locale]);
}

/** Reloads the signed-in user (memberships change when a business is registered or verified). */
export function useRefreshUser(): () => Promise<void> {
  const { locale } = useLocale();
  return useCallback(async () => {
    const session = getSession();
    if (!session) return;
    const user = await apiRequest<CurrentUser>('GET', '/api/auth/me', { locale });
    updateSessionUser(user, session.accessToken);
  }, [locale]);
}

/** Once per page load: checks the stored token is still good and refreshes the user's details. */
export function SessionCheck() {
  const refresh = useRefreshUser();
  const refreshOnLoad = useEffectEvent(() => {
    // A 401 ends the session inside apiRequest; other failures (offline) keep what is stored.
    refresh().catch(() => undefined);
  });
  useEffect(() => refreshOnLoad(), []);
  return null;
}

/**
 * Where to go after signing in: `next` when it is a path of this site (never another origin,
 * never `//host`), else the account page.
 */
export function safeNext(next: string | null | undefined, fallback = '/account'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/login') || next.startsWith('/register')) return fallback;
  return next;
}

/**
 * Where a user starts after signing in when no page was asked for, and where `/portal` sends
 * those who have no business there: each role's own workspace (administrators their
 * administration, inspectors their search, members their business portal); the account page only
 * for a member with no business yet, where they register one.
 */
export function landingFor(user: CurrentUser | null): string {
  if (hasRole(user, ['admin'])) return '/admin';
  if (hasRole(user, ['inspector'])) return '/inspector';
  return user && user.memberships.length > 0 ? '/portal' : '/account';
}

/** `/login?next=/where/i/was?tab=x`. */
export function loginPath(next: string): string {
  return `/login?${new URLSearchParams({ next }).toString()}`;
}
