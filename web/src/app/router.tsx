import { createBrowserRouter, Link, useRouteError } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppLayout } from '@/components/layouts/app-layout';
import { PortalLayout } from '@/features/portal/components/portal-layout';
import { ConsumerLayout } from '@/components/layouts/consumer-layout';
import { EmptyState } from '@/components/ui/empty-state';
import { useT } from '@/lib/i18n';
import { RequireRole, RequireSession } from './guards';
import AccountRoute from './routes/account';
import AdminRoute from './routes/admin';
import AuditRoute from './routes/audit';
import BatchRoute from './routes/batch';
import BusinessNewRoute from './routes/business-new';
import BusinessSettingsRoute from './routes/business-settings';
import HomeRoute from './routes/home';
import LoginRoute from './routes/login';
import NotFoundRoute from './routes/not-found';
import ProductRoute from './routes/product';
import RegisterRoute from './routes/register';
import VerifyEmailRoute from './routes/verify-email';
import AcceptInvitationRoute from './routes/accept-invitation';
import ResolveRoute from './routes/resolve';
import InspectorBatchRoute from './routes/inspector/batch';
import InspectorExportsRoute from './routes/inspector/exports';
import InspectorFlagsRoute from './routes/inspector/flags';
import InspectorRecallsRoute from './routes/inspector/recalls';
import InspectorSearchRoute from './routes/inspector/search';
import BatchDetailRoute from './routes/portal/batch-detail';
import BatchNewRoute from './routes/portal/batch-new';
import BatchesRoute from './routes/portal/batches';
import CertificatesRoute from './routes/portal/certificates';
import DashboardRoute from './routes/portal/dashboard';
import ImportRoute from './routes/portal/import';
import LocationsRoute from './routes/portal/locations';
import PortalHomeRoute from './routes/portal/portal-home';
import ProcessingNewRoute from './routes/portal/processing-new';
import ProductEditRoute from './routes/portal/product-edit';
import ProductsRoute from './routes/portal/products';
import RecordStageRoute from './routes/portal/record-stage';
import ShipmentsRoute from './routes/portal/shipments';

/** Last resort when rendering throws: a plain message instead of a blank page. */
function RouteErrorBoundary() {
  const t = useT();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <main className="site-main">
      <EmptyState
        title={t('error.title')}
        action={
          <Link to="/" reloadDocument className="button button--primary">
            {t('notFound.home')}
          </Link>
        }
      />
    </main>
  );
}

const router = createBrowserRouter([
  {
    // Accounts, businesses, administration: the same frame with a wider column.
    element: <AppLayout />,
    errorElement: <RouteErrorBoundary />,
    children: [
      { path: 'login', element: <LoginRoute /> },
      { path: 'register', element: <RegisterRoute /> },
      { path: 'verify-email', element: <VerifyEmailRoute /> },
      { path: 'invitations/accept', element: <AcceptInvitationRoute /> },
      {
        element: <RequireSession />,
        children: [
          { path: 'account', element: <AccountRoute /> },
          { path: 'businesses/new', element: <BusinessNewRoute /> },
          { path: 'businesses/:id/settings', element: <BusinessSettingsRoute /> },
          { path: 'portal', element: <PortalHomeRoute /> },
          {
            // The business portal: every page acts for the business in the path.
            path: 'portal/:businessId',
            element: <PortalLayout />,
            children: [
              { index: true, element: <DashboardRoute /> },
              { path: 'products', element: <ProductsRoute /> },
              { path: 'products/new', element: <ProductEditRoute /> },
              { path: 'products/:productId', element: <ProductEditRoute /> },
              { path: 'locations', element: <LocationsRoute /> },
              { path: 'certificates', element: <CertificatesRoute /> },
              { path: 'batches', element: <BatchesRoute /> },
              { path: 'batches/new', element: <BatchNewRoute /> },
              { path: 'batches/:batchId', element: <BatchDetailRoute /> },
              { path: 'batches/:batchId/record/:stage', element: <RecordStageRoute /> },
              { path: 'processing/new', element: <ProcessingNewRoute /> },
              { path: 'shipments', element: <ShipmentsRoute /> },
              { path: 'import', element: <ImportRoute /> },
            ],
          },
        ],
      },
      { element: <RequireRole roles={['admin']} />, children: [{ path: 'admin', element: <AdminRoute /> }] },
      {
        element: <RequireRole roles={['admin', 'inspector']} />,
        children: [
          { path: 'audit', element: <AuditRoute /> },
          // The inspector's workspace: search, trace, recall, flags, exports.
          { path: 'inspector', element: <InspectorSearchRoute /> },
          { path: 'inspector/batches/:batchId', element: <InspectorBatchRoute /> },
          { path: 'inspector/recalls', element: <InspectorRecallsRoute /> },
          { path: 'inspector/flags', element: <InspectorFlagsRoute /> },
          { path: 'inspector/exports', element: <InspectorExportsRoute /> },
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
      // Only reached when the server could not resolve a code and sent this app with the error.
      { path: '01/*', element: <ResolveRoute /> },
      { path: 'q/:code', element: <ResolveRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
