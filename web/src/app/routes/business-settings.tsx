import { Link, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Spinner } from '@/components/ui/spinner';
import { WebhooksCard } from '@/features/webhooks/components/webhooks-card';
import { ApiKeysCard } from '@/features/api-keys/components/api-keys-card';
import { useBusiness } from '@/lib/api/get-business';
import { BusinessFacts } from '@/features/businesses/components/business-facts';
import { BusinessStatusBadge } from '@/components/ui/business-status-badge';
import { BusinessStatusNotice } from '@/components/ui/business-status-notice';
import { BusinessGlnCard } from '@/features/businesses/components/business-gln-card';
import { Gs1PrefixesCard } from '@/features/businesses/components/gs1-prefixes-card';
import { InvitationsCard } from '@/features/members/components/invitations-card';
import { MembersCard } from '@/features/members/components/members-card';
import { useCurrentUser, useRefreshUser } from '@/lib/auth';
import { useRequestErrorMessage } from '@/lib/error-message';
import { useT } from '@/lib/i18n';
import { usePortalBusiness } from '@/lib/use-portal-business';
import { NotAllowedPage } from '@/components/layouts/not-allowed-page';

/** A business's own page for its members, in its portal: status, details, people; API keys for owners. */
export default function BusinessSettingsRoute() {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const refreshUser = useRefreshUser();
  const message = useRequestErrorMessage();
  const membership = usePortalBusiness();
  const business = useBusiness(membership.businessId);

  if (!user) return null;

  if (business.status === 'loading') {
    return (
      <div className="page page--loading" aria-busy="true">
        <Spinner label={t('business.loading')} />
      </div>
    );
  }

  if (business.status === 'error') {
    const missing = business.error.code === 'BUSINESS_NOT_FOUND' || business.error.code === 'NOT_FOUND';
    if (business.error.code === 'FORBIDDEN') return <NotAllowedPage />;
    return (
      <div className="page" data-testid="business-error">
        <EmptyState
          title={missing ? t('business.notFound') : t('error.title')}
          action={
            missing ? (
              <Link to="/account" className="button button--primary">
                {t('notAllowed.account')}
              </Link>
            ) : (
              <Button onClick={business.reload}>{t('error.retry')}</Button>
            )
          }
        >
          {missing ? null : <p>{message(business.error)}</p>}
        </EmptyState>
      </div>
    );
  }

  const view = business.data;
  const isOwner = membership.role === 'owner';

  const onSelfRemoved = async () => {
    await refreshUser().catch(() => undefined);
    void navigate('/account', { replace: true });
  };

  return (
    <div className="page" data-testid="business-settings" data-business-id={view.id} data-status={view.status}>
      <title>{`${view.legalName} | ${t('app.name')}`}</title>
      <header className="page__header">
        <h1 className="page__title" data-testid="business-name">
          {view.legalName}
        </h1>
        <BusinessStatusBadge status={view.status} />
      </header>
      <BusinessStatusNotice business={view} />
      <div className="page__columns">
        <div className="page__column">
          <Card title={t('business.details')} data-testid="business-details">
            <BusinessFacts business={view} />
          </Card>
          <MembersCard businessId={view.id} canManage={isOwner} currentEmail={user.email} onSelfRemoved={() => void onSelfRemoved()} />
          {isOwner ? <InvitationsCard businessId={view.id} /> : null}
        </div>
        <div className="page__column">
          {isOwner ? (
            <>
              <Gs1PrefixesCard business={view} onChanged={(updated) => business.setData(() => updated)} />
              <BusinessGlnCard business={view} onChanged={(updated) => business.setData(() => updated)} />
              <ApiKeysCard businessId={view.id} />
              <WebhooksCard businessId={view.id} />
            </>
          ) : (
            <Card title={t('apiKeys.title')}>
              <p className="muted">{t('apiKeys.ownersOnly')}</p>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
