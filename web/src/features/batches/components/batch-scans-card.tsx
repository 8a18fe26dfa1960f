import { Card } from '@/components/ui/card';
import { QueryResult } from '@/components/ui/query-result';
import { DEFAULT_OFFSET, formatEventTime, formatNumber } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useBatchScans } from '../api/get-batch-scans';
import { ScanBars } from './scan-bars';

/** How often the batch's QR code was opened: in all, over the last week, first and last. */
export function BatchScansCard({ batchId }: { batchId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const scans = useBatchScans(batchId);
  return (
    <Card title={t('batches.scans.title')} data-testid="batch-scans">
      <QueryResult query={scans} loadingLabel={t('batches.scans.loading')}>
        {(data) =>
          data.total === 0 ? (
            <p className="muted">{t('batches.scans.none')}</p>
          ) : (
            <dl className="facts">
              <div className="facts__row">
                <dt>{t('batches.scans.total')}</dt>
                <dd className="facts__strong" data-testid="scan-total">
                  {formatNumber(data.total, locale)}
                </dd>
              </div>
              <div className="facts__row">
                <dt>{t('batches.scans.week')}</dt>
                <dd>
                  <ScanBars days={data.lastSevenDays} />
                </dd>
              </div>
              {data.firstScanAt ? (
                <div className="facts__row">
                  <dt>{t('batches.scans.first')}</dt>
                  <dd>{formatEventTime(data.firstScanAt, DEFAULT_OFFSET, locale)}</dd>
                </div>
              ) : null}
              {data.lastScanAt ? (
                <div className="facts__row">
                  <dt>{t('batches.scans.last')}</dt>
                  <dd>{formatEventTime(data.lastScanAt, DEFAULT_OFFSET, locale)}</dd>
                </div>
              ) : null}
            </dl>
          )
        }
      </QueryResult>
    </Card>
  );
}
