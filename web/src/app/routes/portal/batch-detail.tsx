import { useT } from '@/lib/i18n';

/** Placeholder until the lots feature builds this page. */
export default function BatchDetailRoute() {
  const t = useT();
  return (
    <div className="page">
      <h1 className="page__title">{t('lots.placeholder')}</h1>
    </div>
  );
}
