import { ImportForm } from '@/features/imports/components/import-form';
import { usePortalBusiness } from '@/lib/use-portal-business';
import { useT } from '@/lib/i18n';

/** `/portal/:businessId/import`: batches or stages from a spreadsheet, checked row by row, stored all-or-nothing. */
export default function ImportRoute() {
  const t = useT();
  const { businessId } = usePortalBusiness();
  return (
    <div className="page" data-testid="import-page">
      <title>{`${t('imports.title')} | ${t('app.name')}`}</title>
      <header className="page__header">
        <h1 className="page__title">{t('imports.title')}</h1>
        <p className="page__intro">{t('imports.intro')}</p>
      </header>
      <ImportForm businessId={businessId} />
    </div>
  );
}
