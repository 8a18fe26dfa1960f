import type { PublicBatchView } from '@nguon/shared';
import { AlertIcon } from '@/components/ui/icons';
import { formatInstantDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';

type Recall = NonNullable<PublicBatchView['recall']>;

/** Red, first on the page, impossible to scroll past without seeing. */
export function RecallBanner({ recall }: { recall: Recall }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className="recall-banner" role="alert" data-testid="recall-banner">
      <AlertIcon className="recall-banner__icon" />
      <div className="recall-banner__body">
        <p className="recall-banner__title">{t('recall.title')}</p>
        <dl className="recall-banner__facts">
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
