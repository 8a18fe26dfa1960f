import type { BatchStatus } from '@nguon/shared';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { useT } from '@/lib/i18n';

const TONES: Record<BatchStatus, BadgeTone> = {
  active: 'success',
  on_hold: 'warning',
  recalled: 'danger',
  closed: 'neutral',
};

export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  const t = useT();
  return (
    <Badge tone={TONES[status]} data-testid="batch-status" data-status={status}>
      <span className="visually-hidden">{t('batch.status')}: </span>
      {t(`batch.status.${status}`)}
    </Badge>
  );
}
