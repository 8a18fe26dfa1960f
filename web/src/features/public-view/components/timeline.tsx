import { Link } from 'react-router';
import type { TimelineEntry as Entry } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { useLocale, useT } from '@/lib/i18n';
import { groupTimeline, type TimelineGroup } from '../utils/group-timeline';
import { TimelineEntry } from './timeline-entry';

function GroupHeading({ group, lotCode }: { group: TimelineGroup; lotCode: string }) {
  const t = useT();
  const { l } = useLocale();
  if (!group.fromBatch) {
    return <h3 className="timeline-group__title">{t('timeline.thisBatch', { lot: lotCode })}</h3>;
  }
  return (
    <div className="timeline-group__head">
      <h3 className="timeline-group__title">
        {t('timeline.fromBatch', { product: l(group.fromBatch.productName), lot: group.fromBatch.lotCode })}
      </h3>
      <Link to={`/batches/${encodeURIComponent(group.fromBatch.id)}`} className="timeline-group__link">
        {t('timeline.viewBatch')}
      </Link>
    </div>
  );
}

interface TimelineProps {
  entries: Entry[];
  /** This batch's lot, to name its own group when earlier lots are shown too. */
  lotCode: string;
}

/**
 * Farm to shelf, oldest first. Entries from earlier lots (one step back, across processing and
 * receiving) come first, each lot in its own labelled group.
 */
export function Timeline({ entries, lotCode }: TimelineProps) {
  const t = useT();
  const groups = groupTimeline(entries);
  const grouped = groups.some((group) => group.fromBatch !== null);

  return (
    <Card title={t('timeline.title')} intro={t('timeline.intro')} data-testid="timeline">
      {groups.length === 0 ? <p className="muted">{t('timeline.empty')}</p> : null}
      {groups.map((group) => (
        <div
          key={group.fromBatch?.id ?? 'own'}
          className={group.fromBatch ? 'timeline-group timeline-group--earlier' : 'timeline-group'}
          data-testid={group.fromBatch ? 'timeline-group-earlier' : 'timeline-group-own'}
          data-batch-id={group.fromBatch?.id}
        >
          {grouped ? <GroupHeading group={group} lotCode={lotCode} /> : null}
          <ol className="timeline">
            {group.entries.map((entry) => (
              <TimelineEntry key={entry.eventId} entry={entry} headingLevel={grouped ? 4 : 3} />
            ))}
          </ol>
        </div>
      ))}
    </Card>
  );
}
