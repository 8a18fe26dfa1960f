import { BusinessStatusNotice } from '@/components/ui/business-status-notice';
import { useBusiness } from '@/lib/api/get-business';
import type { PortalMembership } from '@/lib/use-portal-business';
import { useT } from '@/lib/i18n';

/** Whether the business may record batches and stages: only once an administrator verified it. */
export const mayRecord = (membership: PortalMembership) => membership.businessStatus === 'verified';

/** For a business that is not verified: its status (and the reason given), and that recording waits. */
export function RecordingDisabledNotice({ membership }: { membership: PortalMembership }) {
  return mayRecord(membership) ? null : <NotVerified membership={membership} />;
}

function NotVerified({ membership }: { membership: PortalMembership }) {
  const t = useT();
  const business = useBusiness(membership.businessId);
  const statusReason = business.status === 'success' ? business.data.statusReason : null;
  return (
    <div className="stack" data-testid="recording-disabled">
      <BusinessStatusNotice business={{ status: membership.businessStatus, statusReason }} />
      <p>{t('batches.dashboard.notVerified')}</p>
    </div>
  );
}
