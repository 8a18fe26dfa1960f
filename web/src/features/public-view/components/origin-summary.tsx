import type { PublicBatchView } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { ShieldCheckIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n';
import { formatPlaceAddress } from '@/lib/format-place';

/**
 * Where it came from at a glance, under the product on the first screen of a phone: who made it
 * (verified or not) and the place of origin, or the producer's province when no place is named.
 */
export function OriginSummary({ batch }: { batch: PublicBatchView }) {
  const t = useT();
  const { producer, origin } = batch;
  return (
    <dl className="origin-summary" data-testid="origin-summary">
      <div className="origin-summary__row">
        <dt>{t('batch.glance.producer')}</dt>
        <dd>
          <strong>{producer.name}</strong>
          {producer.verified ? (
            <>
              {' '}
              <Badge tone="success" className="badge--icon" title={t('producer.verifiedHint')}>
                <ShieldCheckIcon />
                {t('producer.verified')}
              </Badge>
            </>
          ) : null}
        </dd>
      </div>
      <div className="origin-summary__row">
        <dt>{t('batch.glance.origin')}</dt>
        <dd>
          {origin ? (
            <>
              <strong>{origin.name}</strong>
              <span className="origin-summary__place">{formatPlaceAddress(origin)}</span>
            </>
          ) : (
            <strong>{producer.address.province}</strong>
          )}
        </dd>
      </div>
    </dl>
  );
}
