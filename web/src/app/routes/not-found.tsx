import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { useT } from '@/lib/i18n';

export default function NotFoundRoute() {
  const t = useT();
  return (
    <div className="page" data-testid="page-not-found">
      <title>{`${t('notFound.title')} | ${t('app.name')}`}</title>
      <EmptyState
        title={t('notFound.title')}
        action={
          <Link to="/" className="button button--primary">
            {t('notFound.home')}
          </Link>
        }
      >
        <p>{t('notFound.text')}</p>
      </EmptyState>
    </div>
  );
}
