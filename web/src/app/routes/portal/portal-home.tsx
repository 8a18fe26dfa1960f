import { Link, Navigate } from 'react-router';
import { Card } from '@/components/ui/card';
import { MyBusinesses } from '@/features/businesses/components/my-businesses';
import { portalPath } from '@/lib/use-portal-business';
import { useCurrentUser } from '@/lib/auth';
import { useT } from '@/lib/i18n';

/** `/portal`: straight into the member's only business, else a choice among them. */
export default function PortalHomeRoute() {
  const t = useT();
  const user = useCurrentUser();
  const memberships = user?.memberships ?? [];
  const only = memberships.length === 1 ? memberships[0] : undefined;
  if (only) return <Navigate to={portalPath(only.businessId)} replace />;
  return (
    <div className="page" data-testid="portal-home">
      <title>{`${t('portal.title')} | ${t('app.name')}`}</title>
      <header className="page__header">
        <h1 className="page__title">{t('portal.title')}</h1>
      </header>
      {memberships.length === 0 ? (
        <Card title={t('portal.noBusiness.title')}>
          <p>{t('portal.noBusiness.text')}</p>
          <Link to="/businesses/new" className="button button--primary">
            {t('account.businesses.register')}
          </Link>
        </Card>
      ) : (
        <MyBusinesses memberships={memberships} />
      )}
    </div>
  );
}
