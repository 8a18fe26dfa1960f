import { QueryResult } from '@/components/ui/query-result';
import { NotificationsCard } from '@/features/notifications/components/notifications-card';
import { RecallAlerts } from '@/features/notifications/components/recall-alerts';
import { useDashboard } from '@/features/batches/api/get-dashboard';
import { AttentionList } from '@/features/batches/components/attention-list';
import { DashboardFigures } from '@/features/batches/components/dashboard-figures';
import { OpenBatches } from '@/features/batches/components/open-batches';
import { QuickActions } from '@/features/batches/components/quick-actions';
import { RecentEvents } from '@/features/batches/components/recent-events';
import { mayRecord, RecordingDisabledNotice } from '@/features/batches/components/recording-disabled-notice';
import { usePortalBusiness } from '@/lib/use-portal-business';
import { useT } from '@/lib/i18n';

/** `/portal/:businessId`: the business at a glance, what needs attention first. */
export default function DashboardRoute() {
  const t = useT();
  const membership = usePortalBusiness();
  const { businessId } = membership;
  const dashboard = useDashboard(businessId);
  return (
    <div className="page batches-dashboard" data-testid="dashboard">
      <title>{`${t('batches.dashboard.title')} | ${membership.businessName} | ${t('app.name')}`}</title>
      <h1 className="page__title">{t('batches.dashboard.title')}</h1>
      <RecallAlerts businessId={businessId} />
      <RecordingDisabledNotice membership={membership} />
      <QuickActions businessId={businessId} canRecord={mayRecord(membership)} />
      <NotificationsCard businessId={businessId} />
      <QueryResult query={dashboard} loadingLabel={t('batches.dashboard.loading')} retry>
        {(data) => (
          <div className="page__columns">
            <div className="page__column">
              <AttentionList businessId={businessId} attention={data.attention} />
              <RecentEvents businessId={businessId} events={data.recentEvents} />
            </div>
            <div className="page__column">
              <DashboardFigures businessId={businessId} dashboard={data} />
              <OpenBatches businessId={businessId} batches={data.openBatches} />
            </div>
          </div>
        )}
      </QueryResult>
    </div>
  );
}
