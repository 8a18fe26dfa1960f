import { useT } from '@/lib/i18n';

/** Placeholder until the catalog feature builds this page. */
export default function LocationsRoute() {
  const t = useT();
  return (
    <div className="page">
      <h1 className="page__title">{t('catalog.placeholder')}</h1>
    </div>
  );
}
