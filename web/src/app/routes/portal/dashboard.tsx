import { QueryResult } from '@/components/ui/query-result';
import { NotificationsCard } from '@/features/alerts/components/notifications-card';
import { useDashboard } from '@/features/lots/api/get-dashboard';
import { AttentionList } from '@/features/lots/components/attention-list';
import { DashboardFigures } from '@/features/lots/components/dashboard-figures';
import { OpenBatches } from '@/features/lots/components/open-batches';
import { QuickActions } from '@/features/lots/components/quick-actions';
import { RecentEvents } from '@/features/lots/components/recent-events';
import { mayRecord, RecordingDisabledNotice } from '@/features/lots/components/recording-disabled-notice';
import { usePortalBusiness } from '@/lib/use-portal-business';
import { useT } from '@/lib/i18n';

/** `/portal/:businessId`: the business at a glance, what needs attention first. */
export default function DashboardRoute() {
  const t = useT();
  const membership = usePortalBusiness();
  const { businessId } = membership;
  const dashboard = useDashboard(businessId);
  return (
    <div className="page lots-dashboard" data-testid="dashboard">
      <title>{`${t('lots.dashboard.title')} | ${membership.businessName} | ${t('app.name')}`}</title>
      <h1 className="page__title">{t('lots.dashboard.title')}</h1>
      <RecordingDisabledNotice membership={membership} />
      <QuickActions businessId={businessId} canRecord={mayRecord(membership)} />
      <NotificationsCard businessId={businessId} />
      <QueryResult query={dashboard} loadingLabel={t('lots.dashboard.loading')} retry>
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
