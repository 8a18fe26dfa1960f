import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ChangePasswordForm } from '@/features/auth/components/change-password-form';
import { MyBusinesses } from '@/features/businesses/components/my-businesses';
import { UnverifiedNotice } from '@/features/auth/components/unverified-notice';
import { UserRoleBadge } from '@/features/admin/components/user-role-badge';
import { hasRole, useCurrentUser, useRefreshUser, useSignOut } from '@/lib/auth';
import { useT } from '@/lib/i18n';

export default function AccountRoute() {
  const t = useT();
  const user = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const refreshUser = useRefreshUser();

  // Memberships and business statuses change elsewhere (an administrator verifies): fetch them fresh.
  useEffect(() => {
    refreshUser().catch(() => undefined);
  }, [refreshUser]);

  if (!user) return null; // RequireSession has already sent the reader to sign in.
  const staff = hasRole(user, ['admin', 'inspector']);

  const onSignOut = async () => {
    await signOut();
    void navigate('/', { replace: true });
  };

  return (
    <div className="page" data-testid="account-page">
      <title>{`${t('account.title')} | ${t('app.name')}`}</title>
      <h1 className="page__title">{t('account.title')}</h1>
      {user.emailVerified ? null : <UnverifiedNotice email={user.email} />}
      <div className="page__columns">
        <div className="page__column">
          <Card title={t('account.profile')} data-testid="profile">
            <dl className="facts">
              <div className="facts__row">
                <dt>{t('auth.displayName')}</dt>
                <dd data-testid="profile-name">{user.displayName}</dd>
              </div>
              <div className="facts__row">
                <dt>{t('auth.email')}</dt>
                <dd data-testid="profile-email">{user.email}</dd>
              </div>
              <div className="facts__row">
                <dt>{t('users.role')}</dt>
                <dd>
                  <UserRoleBadge role={user.role} />
                </dd>
              </div>
            </dl>
            {staff ? (
              <ul className="plain-list card__links">
                {hasRole(user, ['admin']) ? (
                  <li>
                    <Link to="/admin">{t('nav.admin')}</Link>
                  </li>
                ) : null}
                <li>
                  <Link to="/inspector">{t('inspector.nav')}</Link>
                </li>
                <li>
                  <Link to="/audit">{t('nav.audit')}</Link>
                </li>
              </ul>
            ) : null}
          </Card>
          {/* Businesses are registered by business users: staff see theirs only if they have any. */}
          {staff && user.memberships.length === 0 ? null : <MyBusinesses memberships={user.memberships} />}
        </div>
        <div className="page__column">
          <ChangePasswordForm />
          <Card title={t('account.signOut.title')}>
            <p className="card__intro">{t('account.signOut.intro')}</p>
            <Button variant="secondary" onClick={() => void onSignOut()} data-testid="account-sign-out">
              {t('nav.signOut')}
            </Button>
          </Card>
        </div>
      </div>
    </div>
  );
}
