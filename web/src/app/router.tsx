import { createBrowserRouter, Link, useRouteError } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ConsumerLayout } from '@/components/layouts/consumer-layout';
import { EmptyState } from '@/components/ui/empty-state';
import { useT } from '@/lib/i18n';
import BatchRoute from './routes/batch';
import HomeRoute from './routes/home';
import NotFoundRoute from './routes/not-found';
import ProductRoute from './routes/product';
import ResolveRoute from './routes/resolve';

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
