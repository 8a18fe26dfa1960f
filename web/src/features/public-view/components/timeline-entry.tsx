import { STAGES, normalizeBizStep, type TimelineEntry as Entry } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { DocumentList } from '@/components/ui/document-list';
import { PinIcon } from '@/components/ui/icons';
import { formatEventTime, formatQuantity } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { formatPlace } from '@/lib/format-place';

/** A bizStep from outside the portal's stages, made readable: `.../departing` → `Departing`. */
function bizStepTitle(bizStep: string): string {
  const word = normalizeBizStep(bizStep).split(/[/#:]/).pop() ?? bizStep;
  const text = word.replace(/[_-]+/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface TimelineEntryProps {
  entry: Entry;
  headingLevel: 3 | 4;
}

export function TimelineEntry({ entry, headingLevel }: TimelineEntryProps) {
  const t = useT();
  const { locale, l } = useLocale();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const title = entry.stage ? l(STAGES[entry.stage].label) : entry.bizStep ? bizStepTitle(entry.bizStep) : t('timeline.event');

  return (
    <li className="timeline-entry" data-testid="timeline-entry" data-stage={entry.stage ?? undefined}>
      <span className={`timeline-entry__dot${entry.passed === false ? ' timeline-entry__dot--failed' : ''}`} aria-hidden="true" />
      <div className="timeline-entry__head">
        <Heading className="timeline-entry__title">{title}</Heading>
        {entry.passed !== null ? (
          <Badge tone={entry.passed ? 'success' : 'danger'} data-testid="inspection-result">
            <span className="visually-hidden">{t('timeline.result')}: </span>
            {entry.passed ? t('timeline.passed') : t('timeline.failed')}
          </Badge>
        ) : null}
      </div>
      <p className="timeline-entry__time">
        <time dateTime={entry.eventTime}>{formatEventTime(entry.eventTime, entry.eventTimeZoneOffset, locale)}</time>
      </p>
      {entry.place ? (
        <p className="timeline-entry__place">
          <PinIcon className="inline-icon" />
          <span className="visually-hidden">{t('timeline.place')}: </span>
          {formatPlace(entry.place)}
        </p>
      ) : null}
      <dl className="facts facts--compact">
        {entry.quantity !== null ? (
          <div className="facts__row">
            <dt>{t('timeline.quantity')}</dt>
            <dd>{formatQuantity(entry.quantity, entry.unit, locale)}</dd>
          </div>
        ) : null}
        {entry.source ? (
          <div className="facts__row">
            <dt>{t('timeline.source')}</dt>
            <dd>{entry.source.name}</dd>
          </div>
        ) : null}
        {entry.destination ? (
          <div className="facts__row">
            <dt>{t('timeline.destination')}</dt>
            <dd>{entry.destination.name}</dd>
          </div>
        ) : null}
        <DocumentList documents={entry.documents} />
        {entry.certifications.length > 0 ? (
          <div className="facts__row">
            <dt>{t('timeline.certifications')}</dt>
            <dd>
              <ul className="plain-list">
                {entry.certifications.map((link, n) => (
                  <li key={link}>
                    <a href={link} target="_blank" rel="noopener noreferrer" data-testid="timeline-certification">
                      {t('timeline.certification', { n: n + 1 })}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {entry.note ? (
          <div className="facts__row">
            <dt>{t('timeline.note')}</dt>
            <dd>{entry.note}</dd>
          </div>
        ) : null}
        {entry.recordedBy ? (
          <div className="facts__row">
            <dt>{t('timeline.recordedBy')}</dt>
            <dd>{entry.recordedBy}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}
