import { RECALL_REASON_CATEGORIES, RECALL_SEVERITIES, type PublicBatchView } from '@nguon/shared';
import { AlertIcon, PhoneIcon } from '@/components/ui/icons';
import { formatInstantDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';

type Recall = NonNullable<PublicBatchView['recall']>;

interface RecallBannerProps {
  recall: Recall;
  /** Whom to call: the producer of this batch, when it gave a phone number. */
  producer: Pick<PublicBatchView['producer'], 'phone'>;
  /** Where the page's "report a problem" form is: the way to reach someone when there is no phone. */
  reportHref: string;
}

/**
 * Red, first on the page, impossible to scroll past without seeing; the kind of problem in the
 * reader's language, the details as written, and a call button to the producer (or the report
 * form when the producer gave no phone).
 */
export function RecallBanner({ recall, producer, reportHref }: RecallBannerProps) {
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
            <dd data-testid="recall-reason">
              {/* "Other" says nothing: then the details alone. */}
              {recall.reasonCategory === 'other'
                ? recall.reason
                : `${l(RECALL_REASON_CATEGORIES[recall.reasonCategory])}: ${recall.reason}`}
            </dd>
          </div>
          <div>
            <dt>{t('recall.date')}</dt>
            <dd>
              <time dateTime={recall.recalledAt}>{formatInstantDate(recall.recalledAt, locale)}</time>
            </dd>
          </div>
        </dl>
        <p className="recall-banner__advice">{t('recall.advice')}</p>
        {producer.phone ? (
          <a
            className="button button--small recall-banner__call"
            href={`tel:${producer.phone.replace(/[^\d+]/g, '')}`}
            data-testid="recall-call"
          >
            <PhoneIcon />
            {t('recall.call', { phone: producer.phone })}
          </a>
        ) : (
          <a className="button button--small recall-banner__call" href={reportHref} data-testid="recall-report">
            {t('recall.report')}
          </a>
        )}
      </div>
    </div>
  );
}
