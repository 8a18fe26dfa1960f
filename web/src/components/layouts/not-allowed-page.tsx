import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { landingFor, useCurrentUser } from '@/lib/auth';
import { useT } from '@/lib/i18n';

/** Signed in, but this page is for another role (or another business). */
export function NotAllowedPage() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <div className="page" data-testid="not-allowed">
      <title>{`${t('notAllowed.title')} | ${t('app.name')}`}</title>
      <EmptyState
        title={t('notAllowed.title')}
        action={
          <Link to={landingFor(user)} className="button button--primary">
            {t('notAllowed.home')}
          </Link>
        }
      >
        <p>{t('notAllowed.text')}</p>
      </EmptyState>
    </div>
  );
}
