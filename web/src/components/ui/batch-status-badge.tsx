import type { ConsumerBatchState } from '@nguon/shared';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { useT } from '@/lib/i18n';

const TONES: Record<ConsumerBatchState, BadgeTone> = {
  active: 'success',
  on_hold: 'warning',
  recalled: 'danger',
  expired: 'warning',
  closed: 'neutral',
};

/** A batch's state in the same word and colour on every page (consumer, portal, inspector). */
export function BatchStatusBadge({ status }: { status: ConsumerBatchState }) {
  const t = useT();
  return (
    <Badge tone={TONES[status]} data-testid="batch-status" data-status={status}>
      <span className="visually-hidden">{t('batch.status')}: </span>
      {t(`batch.status.${status}`)}
    </Badge>
  );
}
