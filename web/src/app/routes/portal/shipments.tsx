import { useT } from '@/lib/i18n';

/** Placeholder until the recording feature builds this page. */
export default function ShipmentsRoute() {
  const t = useT();
  return (
    <div className="page">
      <h1 className="page__title">{t('recording.placeholder')}</h1>
    </div>
  );
}
