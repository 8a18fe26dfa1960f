import {
  CBV_BIZ_TRANSACTION_TYPES,
  STAGES,
  normalizeBizStep,
  type CbvBizTransactionType,
  type TimelineEntry as Entry,
} from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { PinIcon } from '@/components/ui/icons';
import { formatEventTime, formatQuantity } from '@/lib/format';
import { useLocale, useT, type Translate } from '@/lib/i18n';
import { formatPlace } from '@/lib/format-place';

/** `urn:epcglobal:cbv:btt:inv` / `https://ref.gs1.org/cbv/BTT-inv` / `inv` → `inv`. */
function documentType(type: string): string {
  return type.replace(/^.*(?:btt:|BTT-)/, '');
}

function isCbvDocumentType(type: string): type is CbvBizTransactionType {
  return (CBV_BIZ_TRANSACTION_TYPES as readonly string[]).includes(type);
}

function documentLabel(type: string, t: Translate): string {
  const bare = documentType(type);
  return isCbvDocumentType(bare) ? t(`doc.${bare}`) : bare;
}

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
        {entry.documents.length > 0 ? (
          <div className="facts__row">
            <dt>{t('timeline.documents')}</dt>
            <dd>
              <ul className="plain-list">
                {entry.documents.map((document) => (
                  <li key={`${document.type}:${document.id}`}>
                    {documentLabel(document.type, t)} <span className="code">{document.id}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
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
