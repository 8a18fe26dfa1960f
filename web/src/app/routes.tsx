import { useEffect, useState, type ComponentType } from 'react';
import { Link, useRouteError, type RouteObject } from 'react-router';
import type { UserRole } from '@nguon/shared';
import { ConsumerLayout } from '@/components/layouts/consumer-layout';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { addMessages, useT } from '@/lib/i18n';
import { isMissingAppPart, reloadForMissingPart } from '@/lib/missing-app-part';
import BatchRoute from './routes/batch';
import HomeRoute from './routes/home';
import LabelCheckRoute from './routes/label-check';
import NotFoundRoute from './routes/not-found';
import ProductRoute from './routes/product';
import ResolveRoute from './routes/resolve';
import type { RouteHandle } from './page-list';

/**
 * Last resort when rendering throws: a plain message instead of a blank page. A page whose part of
 * the app could not be fetched (the portal was updated since the tab loaded) is loaded again, once.
 */
function RouteErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  const missingPart = isMissingAppPart(error);
  // Set when the page was already reloaded for this moments ago: it then says so instead.
  const [reloadRefused, setReloadRefused] = useState(false);
  useEffect(() => {
    if (missingPart && !reloadForMissingPart()) setReloadRefused(true);
  }, [missingPart]);
  const reloading = missingPart && !reloadRefused;
  return (
    <main className="site-main">
      {reloading ? (
        <Spinner label={t('error.reloading')} />
      ) : missingPart ? (
        <EmptyState
          title={t('error.missingPart.title')}
          action={<Button onClick={() => window.location.reload()}>{t('error.missingPart.reload')}</Button>}
        >
          {t('error.missingPart.text')}
        </EmptyState>
      ) : (
        <EmptyState
          title={t('error.title')}
          action={
            <Link to="/" reloadDocument className="button button--primary">
              {t('notFound.home')}
            </Link>
          }
        />
      )}
    </main>
  );
}

/**
 * A page fetched the first time it is visited. The consumer pages (a scanned code's first load,
 * on a phone) are in the main bundle; everything for businesses, inspectors and administrators is
 * loaded this way, so a consumer never downloads it.
 */
function lazyPage(load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}

/** The sign-in and role checks, loaded with the pages they guard; `handle` says who the pages are for (see page-list.ts). */
const requireSession: Pick<RouteObject, 'lazy' | 'handle'> = {
  lazy: async () => ({ Component: (await import('./guards')).RequireSession }),
  handle: { access: 'signed-in' } satisfies RouteHandle,
};
function requireRole(roles: readonly UserRole[], others?: 'workspace'): Pick<RouteObject, 'lazy' | 'handle'> {
  return {
    lazy: async () => {
      const { RequireRole } = await import('./guards');
      return { element: <RequireRole roles={roles} others={others} /> };
    },
    handle: { access: roles } satisfies RouteHandle,
  };
}

/** A business's portal frame (its name and sections), for its members. */
const portalFrame: Pick<RouteObject, 'lazy' | 'handle'> = {
  lazy: async () => ({ Component: (await import('@/features/portal/components/portal-layout')).PortalLayout }),
  handle: { access: 'business-member' } satisfies RouteHandle,
};

/** Every page of the web app: the browser's router and the server's rendering use the same tree. */
export const routes: RouteObject[] = [
  {
    // Accounts, businesses, administration: the same frame with a wider column, and their texts.
    lazy: async () => {
      const [{ AppLayout }, { BUSINESS_CATALOGS }] = await Promise.all([
        import('@/components/layouts/app-layout'),
        import('./business-messages'),
      ]);
      addMessages(BUSINESS_CATALOGS);
      return { Component: AppLayout };
    },
    errorElement: <RouteErrorBoundary />,
    children: [
      { path: 'login', ...lazyPage(() => import('./routes/login')) },
      { path: 'register', ...lazyPage(() => import('./routes/register')) },
      { path: 'verify-email', ...lazyPage(() => import('./routes/verify-email')) },
      { path: 'invitations/accept', ...lazyPage(() => import('./routes/accept-invitation')) },
      {
        ...requireSession,
        children: [
          { path: 'account', ...lazyPage(() => import('./routes/account')) },
          {
            // Only business users register businesses; `/portal` sends anyone else to their workspace.
            ...requireRole(['member'], 'workspace'),
            children: [{ path: 'portal', ...lazyPage(() => import('./routes/portal/portal-home')) }],
          },
          { ...requireRole(['member']), children: [{ path: 'businesses/new', ...lazyPage(() => import('./routes/business-new')) }] },
          // The business's settings, in its portal's frame.
          {
            ...portalFrame,
            children: [{ path: 'businesses/:businessId/settings', ...lazyPage(() => import('./routes/business-settings')) }],
          },
          {
            // The business portal: every page acts for the business in the path.
            path: 'portal/:businessId',
            ...portalFrame,
            children: [
              { index: true, ...lazyPage(() => import('./routes/portal/dashboard')) },
              { path: 'products', ...lazyPage(() => import('./routes/portal/products')) },
              { path: 'products/new', ...lazyPage(() => import('./routes/portal/product-edit')) },
              { path: 'products/:productId', ...lazyPage(() => import('./routes/portal/product-edit')) },
              { path: 'locations', ...lazyPage(() => import('./routes/portal/locations')) },
              { path: 'certificates', ...lazyPage(() => import('./routes/portal/certificates')) },
              { path: 'batches', ...lazyPage(() => import('./routes/portal/batches')) },
              { path: 'batches/new', ...lazyPage(() => import('./routes/portal/batch-new')) },
              { path: 'batches/:batchId', ...lazyPage(() => import('./routes/portal/batch-detail')) },
              { path: 'batches/:batchId/record/:stage', ...lazyPage(() => import('./routes/portal/record-stage')) },
              { path: 'processing/new', ...lazyPage(() => import('./routes/portal/processing-new')) },
              { path: 'shipments', ...lazyPage(() => import('./routes/portal/shipments')) },
              { path: 'import', ...lazyPage(() => import('./routes/portal/import')) },
              { path: 'scorecard', ...lazyPage(() => import('./routes/portal/scorecard')) },
            ],
          },
        ],
      },
      {
        // The inspectors' and administrators' workspace: its sections above every page.
        ...requireRole(['admin', 'inspector']),
        children: [
          {
            lazy: async () => ({ Component: (await import('./staff-layout')).StaffLayout }),
            children: [
              { ...requireRole(['admin']), children: [{ path: 'admin', ...lazyPage(() => import('./routes/admin')) }] },
              { path: 'audit', ...lazyPage(() => import('./routes/audit')) },
              // The inspector's workspace: search, trace, recall, flags, exports.
              { path: 'inspector', ...lazyPage(() => import('./routes/inspector/search')) },
              { path: 'inspector/batches/:batchId', ...lazyPage(() => import('./routes/inspector/batch')) },
              { path: 'inspector/recalls', ...lazyPage(() => import('./routes/inspector/recalls')) },
              { path: 'inspector/flags', ...lazyPage(() => import('./routes/inspector/flags')) },
              { path: 'inspector/exports', ...lazyPage(() => import('./routes/inspector/exports')) },
              { path: 'inspector/scorecards', ...lazyPage(() => import('./routes/inspector/scorecards')) },
            ],
          },
        ],
      },
    ],
  },
  {
    element: <ConsumerLayout />,
    errorElement: <RouteErrorBoundary />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'batches/:id', element: <BatchRoute /> },
      { path: 'products/:id', element: <ProductRoute /> },
      // Public: anyone may check a label; an inspector reaches it from the workspace's sections.
      { path: 'label-check', element: <LabelCheckRoute /> },
      // Only reached when the server could not resolve a code and sent this app with the error.
      { path: '01/*', element: <ResolveRoute /> },
      { path: 'q/:code', element: <ResolveRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];
