import { useId } from 'react';
import { Link } from 'react-router';
import { DISTRIBUTING_STAGES, PRODUCER_ONLY_STAGES, SINGLE_BATCH_STAGES, STAGES, type BatchView } from '@nguon/shared';
import { portalPath, usePortalBusiness } from '@/lib/use-portal-business';
import { useLocale, useT } from '@/lib/i18n';
import { RecordedNotice } from './recorded-notice';
import '../events.css';

/** The stages this batch can record next, each a link to its form; and the notice of what was just saved. */
export function RecordActions({ batch }: { batch: BatchView }) {
  const t = useT();
  const { l } = useLocale();
  const membership = usePortalBusiness();
  const titleId = useId();
  const own = batch.businessId === membership.businessId;
  if (membership.businessStatus !== 'verified') return <RecordedNotice />;
  const stages = SINGLE_BATCH_STAGES.filter(
    (stage) => (own || !PRODUCER_ONLY_STAGES.includes(stage)) && !(batch.status === 'recalled' && DISTRIBUTING_STAGES.includes(stage)),
  );
  const batchPath = portalPath(membership.businessId, `/batches/${encodeURIComponent(batch.id)}`);
  return (
    <section className="events-actions stack" aria-labelledby={titleId} data-testid="record-actions">
      <RecordedNotice />
      <h2 id={titleId} className="events-actions__title">
        {t('events.actions.title')}
      </h2>
      <ul className="events-actions__list">
        {stages.map((stage) => (
          <li key={stage}>
            <Link className="events-action" to={`${batchPath}/record/${stage}`} data-testid={`record-${stage}`}>
              {l(STAGES[stage].label)}
            </Link>
          </li>
        ))}
        {batch.status !== 'recalled' ? (
          <li>
            <Link
              className="events-action"
              to={`${portalPath(membership.businessId, '/processing/new')}?input=${encodeURIComponent(batch.id)}`}
              data-testid="record-processing"
            >
              {l(STAGES.processing.label)}
            </Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
