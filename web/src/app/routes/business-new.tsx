import { useNavigate } from 'react-router';
import type { BusinessView } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { UnverifiedNotice } from '@/features/auth/components/unverified-notice';
import { BusinessForm } from '@/features/businesses/components/business-form';
import { useCurrentUser, useRefreshUser } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { portalPath } from '@/lib/use-portal-business';

export default function BusinessNewRoute() {
  const t = useT();
  const navigate = useNavigate();
  const refreshUser = useRefreshUser();
  const user = useCurrentUser();

  // The new business is in the user's memberships only after a fresh `me`. Its overview comes
  // next: what to do first (add a product...), while an administrator verifies it.
  const onCreated = async (business: BusinessView) => {
    await refreshUser().catch(() => undefined);
    void navigate(portalPath(business.id), { state: { created: true } });
  };

  return (
    <div className="page page--narrow">
      <title>{`${t('business.new.title')} | ${t('app.name')}`}</title>
      <h1 className="page__title">{t('business.new.title')}</h1>
      <p className="page__intro">{t('business.new.intro')}</p>
      {user && !user.emailVerified ? (
        <UnverifiedNotice email={user.email} />
      ) : (
        <Card title={t('business.new.card')}>
          <BusinessForm onCreated={(business) => void onCreated(business)} />
        </Card>
      )}
    </div>
  );
}
