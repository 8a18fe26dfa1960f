import { useMemo, useState, type ReactNode } from 'react';
import type { BatchView, EventView, LocationView, TimelineEntry } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { PagedResult } from '@/components/ui/query-result';
import { useT } from '@/lib/i18n';
import { useBatchEvents } from '../api/list-batch-events';
import { batchTimeline } from '../utils/batch-timeline';
import { BatchEventEntry } from './batch-event-entry';

const PAGE = 20;

interface BatchTimelineProps {
  batch: BatchView;
  business: { id: string; name: string };
  locations: readonly LocationView[];
  /** The consumer view's timeline, for the names of places and parties. */
  details: readonly TimelineEntry[];
  /** The correction form under each of the business's own records. */
  renderCorrection: (event: EventView) => ReactNode;
}

/** Every record of the batch, oldest first, a page at a time, declared-wrong ones included. */
export function BatchTimeline({ batch, business, locations, details, renderCorrection }: BatchTimelineProps) {
  const t = useT();
  const [offset, setOffset] = useState(0);
  const events = useBatchEvents(batch.id, { limit: PAGE, offset });
  const places = useMemo(() => new Map(locations.map((location) => [location.id, location])), [locations]);
  return (
    <Card title={t('batches.timeline.title')} intro={t('batches.timeline.intro')} data-testid="batch-timeline">
      <PagedResult
        query={events}
        loadingLabel={t('batches.timeline.loading')}
        retry
        empty={<p className="muted">{t('batches.timeline.empty')}</p>}
        limit={PAGE}
        offset={offset}
        onPage={setOffset}
        pagesLabel={t('batches.timeline.pages')}
      >
        {(items) => (
          <ol className="timeline">
            {batchTimeline(items, details).map((item) => (
              <BatchEventEntry
                key={item.event.id}
                item={item}
                batch={batch}
                business={business}
                locations={places}
                renderCorrection={renderCorrection}
              />
            ))}
          </ol>
        )}
      </PagedResult>
    </Card>
  );
}
