import type { PublicSourceBatch } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatQuantity } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { BatchLink } from './batch-link';

/** One step back: the lots this batch was made from (processing) or received from (receiving). */
export function Sources({ sources }: { sources: PublicSourceBatch[] }) {
  const t = useT();
  const { locale, l } = useLocale();
  if (sources.length === 0) return null;
  return (
    <Card title={t('sources.title')} intro={t('sources.intro')} data-testid="sources">
      <ul className="source-list">
        {sources.map((source) => (
          <li key={`${source.link}-${source.id}`}>
            <BatchLink batchId={source.id} data-testid="source">
              <Badge tone={source.link === 'processing' ? 'info' : 'neutral'}>{t(`sources.link.${source.link}`)}</Badge>
              <span className="source__name">{l(source.productName)}</span>
              <span className="source__meta">
                <span className="code">{t('sources.lot', { lot: source.lotCode })}</span>
                {' · '}
                {source.producerName}
                {source.quantityUsed !== null ? (
                  <>
                    {' · '}
                    {t('sources.quantityUsed', { quantity: formatQuantity(source.quantityUsed, source.unit, locale) })}
                  </>
                ) : null}
              </span>
            </BatchLink>
          </li>
        ))}
      </ul>
    </Card>
  );
}
