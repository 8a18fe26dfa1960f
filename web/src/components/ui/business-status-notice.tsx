import type { BusinessView } from '@nguon/shared';
import { Notice } from '@/components/ui/notice';
import { useT } from '@/lib/i18n';

/** What the status means for the owner: waiting, verified, or why it was rejected or suspended. */
export function BusinessStatusNotice({ business }: { business: Pick<BusinessView, 'status' | 'statusReason'> }) {
  const t = useT();
  const { status, statusReason } = business;
  if (status === 'verified') {
    return (
      <Notice tone="success" data-testid="business-status-notice" data-status={status}>
        <p>{t('business.notice.verified')}</p>
      </Notice>
    );
  }
  if (status === 'pending') {
    return (
      <Notice tone="warning" data-testid="business-status-notice" data-status={status}>
        <p className="notice__title">{t('business.notice.pendingTitle')}</p>
        <p>{t('business.notice.pending')}</p>
      </Notice>
    );
  }
  return (
    <Notice tone="danger" data-testid="business-status-notice" data-status={status}>
      <p className="notice__title">{t(status === 'rejected' ? 'business.notice.rejectedTitle' : 'business.notice.suspendedTitle')}</p>
      <p>
        {t('business.notice.reason')}: <strong data-testid="business-status-reason">{statusReason || t('business.notice.noReason')}</strong>
      </p>
      <p>{t(status === 'rejected' ? 'business.notice.rejected' : 'business.notice.suspended')}</p>
    </Notice>
  );
}
