import { useId } from 'react';
import { Link } from 'react-router';
import { RECALL_REASON_CATEGORIES, RECALL_SEVERITIES, type NotificationView, type RecallNoticeView } from '@nguon/shared';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { AlertIcon, CheckIcon } from '@/components/ui/icons';
import type { ApiRequestError } from '@/lib/api-client';
import { useRequestErrorMessage } from '@/lib/error-message';
import { DEFAULT_OFFSET, formatEventTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { portalPath } from '@/lib/use-portal-business';
import '../notifications.css';

interface RecallAlertProps {
  businessId: string;
  notice: NotificationView & { recall: RecallNoticeView };
  pending: boolean;
  error: ApiRequestError | null;
  onAcknowledge: () => void;
}

/**
 * A recall that concerns the business, as the most urgent thing the portal says: what to do first
 * (announced as it appears), the class, the kind of problem in the reader's language and the
 * details as written, the business's own lots (each to its batch page), and "Đã nhận" until a
 * member acknowledges it, then who did and when.
 */
export function RecallAlert({ businessId, notice, pending, error, onAcknowledge }: RecallAlertProps) {
  const t = useT();
  const { locale, l } = useLocale();
  const message = useRequestErrorMessage();
  const titleId = useId();
  const hintId = useId();
  const { recall } = notice;
  return (
    <section
      className="recall-alert"
      aria-labelledby={titleId}
      data-testid="recall-alert"
      data-recall-id={notice.recallId ?? undefined}
      data-acknowledged={recall.acknowledgedAt !== null}
    >
      <div className="recall-alert__head" role="alert">
        <AlertIcon className="recall-alert__icon" />
        <div>
          <h2 id={titleId} className="recall-alert__title">
            {t('recallAlert.title', { lot: recall.batch.lotCode, product: l(recall.batch.productName) })}
          </h2>
          <p className="recall-alert__instruction" data-testid="recall-alert-instruction">
            {t('recallAlert.instruction')}
          </p>
        </div>
      </div>
      <div className="recall-alert__body">
        <dl className="facts facts--compact">
          <div className="facts__row">
            <dt>{t('recallAlert.severity')}</dt>
            <dd className="facts__strong" data-testid="recall-alert-severity">
              {l(RECALL_SEVERITIES[recall.severity])}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('recallAlert.reason')}</dt>
            <dd data-testid="recall-alert-reason">
              {/* "Other" says nothing: then the details alone. */}
              {recall.reasonCategory === 'other' ? null : (
                <>
                  <span className="facts__strong">{l(RECALL_REASON_CATEGORIES[recall.reasonCategory])}</span>
                  <br />
                </>
              )}
              <span className="muted">{t('recallAlert.details')}</span> {recall.reason}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('recallAlert.recalledAt')}</dt>
            <dd>
              <time dateTime={recall.recalledAt}>{formatEventTime(recall.recalledAt, DEFAULT_OFFSET, locale)}</time>
            </dd>
          </div>
        </dl>
        <h3 className="recall-alert__subtitle">{t('recallAlert.lots', { count: recall.lots.length })}</h3>
        <ul className="recall-alert__lots" data-testid="recall-alert-lots">
          {recall.lots.map((lot) => (
            <li key={lot.batchId}>
              <Link to={portalPath(businessId, `/batches/${encodeURIComponent(lot.batchId)}`)} className="code">
                {lot.lotCode}
              </Link>{' '}
              {l(lot.productName)}
            </li>
          ))}
        </ul>
        {recall.acknowledgedAt ? (
          <p className="recall-alert__acknowledged" data-testid="recall-alert-acknowledged">
            <CheckIcon />
            {t('recallAlert.acknowledged', {
              time: formatEventTime(recall.acknowledgedAt, DEFAULT_OFFSET, locale),
              name: recall.acknowledgedBy ?? '',
            })}
          </p>
        ) : (
          <div className="recall-alert__actions">
            <p id={hintId} className="recall-alert__hint">
              {t('recallAlert.acknowledgeHint')}
            </p>
            <Button
              className="button--danger"
              onClick={onAcknowledge}
              disabled={pending}
              aria-describedby={hintId}
              data-testid="recall-alert-acknowledge"
            >
              {t(pending ? 'recallAlert.acknowledging' : 'recallAlert.acknowledge')}
            </Button>
            {error ? <Alert>{message(error)}</Alert> : null}
          </div>
        )}
      </div>
    </section>
  );
}
