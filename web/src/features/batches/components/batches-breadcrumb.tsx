import { Link } from 'react-router';
import { portalPath } from '@/lib/use-portal-business';
import { useT } from '@/lib/i18n';

/** "Lô hàng / {current}": the way back to the business's batches. */
export function BatchesBreadcrumb({ businessId, current }: { businessId: string; current: string }) {
  const t = useT();
  return (
    <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
      <Link to={portalPath(businessId, '/batches')}>{t('batches.list.title')}</Link>
      <span aria-hidden="true"> / </span>
      <span aria-current="page">{current}</span>
    </nav>
  );
}
