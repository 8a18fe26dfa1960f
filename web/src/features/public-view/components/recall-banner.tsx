import { RECALL_SEVERITIES, type PublicBatchView } from '@nguon/shared';
import { AlertIcon } from '@/components/ui/icons';
import { formatInstantDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';

type Recall = NonNullable<PublicBatchView['recall']>;

/** Red, first on the page, impossible to scroll past without seeing. */
export function RecallBanner({ recall }: { recall: Recall }) {
  const t = useT();
  const { locale, l } = useLocale();
  return (
    <div className="recall-banner" role="alert" data-testid="recall-banner">
      <AlertIcon className="recall-banner__icon" />
      <div className="recall-banner__body">
        <p className="recall-banner__title">{t(recall.source ? 'recall.sourceTitle' : 'recall.title')}</p>
        <dl className="recall-banner__facts">
          {recall.source ? (
            <div>
              <dt>{t('recall.source')}</dt>
              <dd data-testid="recall-source">
                {l(recall.source.productName)}, {recall.source.lotCode}
              </dd>
            </div>
          ) : null}
          {recall.severity ? (
            <div>
              <dt>{t('recall.severity')}</dt>
              <dd data-testid="recall-severity">{l(RECALL_SEVERITIES[recall.severity])}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('recall.reason')}</dt>
            <dd>{recall.reason}</dd>
          </div>
          <div>
            <dt>{t('recall.date')}</dt>
            <dd>
              <time dateTime={recall.recalledAt}>{formatInstantDate(recall.recalledAt, locale)}</time>
            </dd>
          </div>
        </dl>
        <p className="recall-banner__advice">{t('recall.advice')}</p>
      </div>
    </div>
  );
}
