import type { BusinessStatus } from '@nguon/shared';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { useT } from '@/lib/i18n';

const TONES: Record<BusinessStatus, BadgeTone> = {
  pending: 'warning',
  verified: 'success',
  rejected: 'danger',
  suspended: 'danger',
};

export function BusinessStatusBadge({ status }: { status: BusinessStatus }) {
  const t = useT();
  return (
    <Badge tone={TONES[status]} data-testid="business-status" data-status={status}>
      <span className="visually-hidden">{t('business.status')}: </span>
      {t(`business.status.${status}`)}
    </Badge>
  );
}
