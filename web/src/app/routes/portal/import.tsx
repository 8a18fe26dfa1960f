import { useT } from '@/lib/i18n';

/** Placeholder until the imports feature builds this page. */
export default function ImportRoute() {
  const t = useT();
  return (
    <div className="page">
      <h1 className="page__title">{t('imports.placeholder')}</h1>
    </div>
  );
}
