import { useNavigate } from 'react-router';
import type { PublicBatchView } from '@nguon/shared';
import { CodeForm } from '@/features/scan/components/code-form';
import { useT } from '@/lib/i18n';

export default function HomeRoute() {
  const t = useT();
  const navigate = useNavigate();

  // The resolver already answered with the batch: hand it over so the page shows at once.
  const onResolved = (batch: PublicBatchView) =>
    navigate(`/batches/${encodeURIComponent(batch.id)}`, { state: { batch } });

  return (
    <div className="page page--home">
      <title>{`${t('app.name')}: ${t('home.title')}`}</title>
      <div className="hero">
        <h1 className="hero__title">{t('home.title')}</h1>
        <p className="hero__intro">{t('home.intro')}</p>
      </div>
      <CodeForm onResolved={onResolved} />
      <div className="help">
        <h2 className="help__title">{t('home.help.title')}</h2>
        <p>{t('home.help.text')}</p>
      </div>
    </div>
  );
}
