import type { ReactNode } from 'react';
import { RECEIPT_SHORTFALL_REASONS, shortfallReasonOf, type BatchView, type EventView, type LocationView } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { DocumentList } from '@/components/ui/document-list';
import { PinIcon } from '@/components/ui/icons';
import { formatPlace } from '@/lib/format-place';
import { formatEventTime, formatQuantity } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { quantityFor, type BatchTimelineItem } from '../utils/batch-timeline';
import { stageTitle } from '../utils/stage-title';
import '../batches.css';

interface BatchEventEntryProps {
  item: BatchTimelineItem;
  batch: BatchView;
  /** The business whose portal this is, and its places, to name what the consumer view does not. */
  business: { id: string; name: string };
  locations: ReadonlyMap<string, LocationView>;
  /** How the business corrects one of its own records (recording's form, put in by the page). */
  renderCorrection: (event: EventView) => ReactNode;
}

/** One recorded stage: what, when, where, who, how much; struck through when declared wrong. */
export function BatchEventEntry({ item, batch, business, locations, renderCorrection }: BatchEventEntryProps) {
  const t = useT();
  const { locale, l } = useLocale();
  const { event, declaration, details } = item;
  const wrong = event.declaredWrong;
  const own = event.businessId === business.id;
  const place = details?.place ? formatPlace(details.place) : event.locationId ? locations.get(event.locationId)?.name : undefined;
  const amount = details?.quantity != null ? { quantity: details.quantity, unit: details.unit } : quantityFor(event, batch);
  const recorder = details?.recordedBy ?? (own ? business.name : t('batches.timeline.otherBusiness'));
  // A receipt of fewer or damaged goods says so beside the quantity that arrived.
  const shortfall = event.stage === 'receiving' ? shortfallReasonOf(event.disposition) : null;
  const note = details?.note ?? (typeof event.epcis['nguon:note'] === 'string' ? event.epcis['nguon:note'] : null);

  return (
    <li
      className={`timeline-entry batch-event${wrong ? ' batch-event--wrong' : ''}`}
      data-testid="batch-event"
      data-stage={event.stage ?? undefined}
      data-declared-wrong={wrong}
    >
      <span className="timeline-entry__dot" aria-hidden="true" />
      <div className="timeline-entry__head">
        <h3 className="timeline-entry__title batch-event__title">{stageTitle(event.stage, event.bizStep, l, t('timeline.event'))}</h3>
        {wrong ? <Badge tone="danger">{t('batches.timeline.declaredWrong')}</Badge> : null}
      </div>
      <div className="batch-event__body">
        <p className="timeline-entry__time">
          <time dateTime={event.eventTime}>{formatEventTime(event.eventTime, event.eventTimeZoneOffset, locale)}</time>
        </p>
        {place ? (
          <p className="timeline-entry__place">
            <PinIcon className="inline-icon" />
            <span className="visually-hidden">{t('timeline.place')}: </span>
            {place}
          </p>
        ) : null}
        <dl className="facts facts--compact">
          {amount ? (
            <div className="facts__row">
              <dt>{t('timeline.quantity')}</dt>
              <dd>
                {formatQuantity(amount.quantity, amount.unit, locale)}
                {shortfall ? ` · ${l(RECEIPT_SHORTFALL_REASONS[shortfall])}` : ''}
              </dd>
            </div>
          ) : null}
          {details?.source ? (
            <div className="facts__row">
              <dt>{t('timeline.source')}</dt>
              <dd>{details.source.name}</dd>
            </div>
          ) : null}
          {details?.destination ? (
            <div className="facts__row">
              <dt>{t('timeline.destination')}</dt>
              <dd>{details.destination.name}</dd>
            </div>
          ) : null}
          <DocumentList documents={details?.documents ?? []} />
          {note ? (
            <div className="facts__row">
              <dt>{t('timeline.note')}</dt>
              <dd>{note}</dd>
            </div>
          ) : null}
          <div className="facts__row">
            <dt>{t('batches.timeline.recordedBy')}</dt>
            <dd>{recorder}</dd>
          </div>
        </dl>
      </div>
      {wrong && declaration ? (
        <p className="batch-event__declaration" data-testid="declaration-reason">
          {t('batches.timeline.reason')}: {declaration.reason ? t(`batches.timeline.reason.${declaration.reason}`) : null}
          {declaration.explanation ? `${declaration.reason ? ': ' : ''}${declaration.explanation}` : null}
        </p>
      ) : null}
      <details className="batch-event__id">
        <summary>{t('batches.timeline.eventId')}</summary>
        <span className="code code--wrap">{event.eventId}</span>
      </details>
      {own ? renderCorrection(event) : null}
    </li>
  );
}
