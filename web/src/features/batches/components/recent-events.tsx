import { Link } from 'react-router';
import type { DashboardEvent } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { portalPath } from '@/lib/use-portal-business';
import { formatEventTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { stageTitle } from '../utils/stage-title';
import '../batches.css';

/** The stages the business recorded last, each leading to its batch. */
export function RecentEvents({ businessId, events }: { businessId: string; events: readonly DashboardEvent[] }) {
  const t = useT();
  const { locale, l } = useLocale();
  return (
    <Card title={t('batches.recent.title')} data-testid="recent-events">
      {events.length === 0 ? (
        <p className="muted">{t('batches.recent.empty')}</p>
      ) : (
        <ol className="row-list">
          {events.map((event) => (
            <li
              key={event.id}
              className="row"
              data-testid="recent-event"
              data-stage={event.stage ?? undefined}
              data-declared-wrong={event.declaredWrong}
            >
              <div className="row__main">
                <p className="row__title">
                  <span className={event.declaredWrong ? 'batches-struck' : undefined}>
                    {stageTitle(event.stage, event.bizStep, l, t('timeline.event'))}
                  </span>
                  {event.declaredWrong ? (
                    <>
                      {' '}
                      <Badge tone="danger">{t('batches.timeline.declaredWrong')}</Badge>
                    </>
                  ) : null}
                </p>
                {event.batch ? (
                  <p>
                    <Link to={portalPath(businessId, `/batches/${event.batch.id}`)}>
                      {t('batches.recent.batch', { lot: event.batch.lotCode, product: l(event.batch.productName) })}
                    </Link>
                  </p>
                ) : null}
                <p className="row__meta muted">
                  <time dateTime={event.eventTime}>{formatEventTime(event.eventTime, event.eventTimeZoneOffset, locale)}</time>
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
