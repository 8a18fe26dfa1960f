import { Outlet, useParams } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { BusinessStatusBadge } from '@/components/ui/business-status-badge';
import { WorkspaceNav } from '@/components/layouts/workspace-nav';
import { useCurrentUser } from '@/lib/auth';
import { useT, type MessageKey } from '@/lib/i18n';
import { NotAllowedPage } from '@/components/layouts/not-allowed-page';
import { portalPath } from '@/lib/use-portal-business';
import '../portal.css';

/** A business's sections: its overview, its batches, what comes in, imports, its catalogue, its compliance, its settings. */
const BUSINESS_SECTIONS: readonly { path: string; label: MessageKey; testId: string; end?: boolean }[] = [
  { path: '', label: 'portal.nav.dashboard', testId: 'nav-dashboard', end: true },
  { path: '/batches', label: 'portal.nav.batches', testId: 'nav-batches' },
  { path: '/shipments', label: 'portal.nav.shipments', testId: 'nav-shipments' },
  { path: '/import', label: 'portal.nav.import', testId: 'nav-import' },
  { path: '/products', label: 'portal.nav.products', testId: 'nav-products' },
  { path: '/locations', label: 'portal.nav.locations', testId: 'nav-locations' },
  { path: '/certificates', label: 'portal.nav.certificates', testId: 'nav-certificates' },
  { path: '/scorecard', label: 'scorecard.nav', testId: 'nav-scorecard' },
];

/** The business portal's frame: which business, its sections, then the page. Members only. */
export function PortalLayout() {
  const t = useT();
  const { businessId = '' } = useParams();
  const user = useCurrentUser();
  const membership = user?.memberships.find((m) => m.businessId === businessId);
  if (!membership) return <NotAllowedPage />;
  const items = [
    ...BUSINESS_SECTIONS.map((section) => ({
      to: portalPath(businessId, section.path),
      label: t(section.label),
      end: section.end,
      testId: section.testId,
    })),
    { to: `/businesses/${encodeURIComponent(businessId)}/settings`, label: t('portal.nav.settings'), testId: 'nav-settings' },
  ];
  return (
    <div className="portal" data-testid="portal" data-business-id={businessId}>
      <header className="portal__header">
        <p className="portal__business">
          <strong data-testid="portal-business-name">{membership.businessName}</strong>
          <BusinessStatusBadge status={membership.businessStatus} />
          <Badge tone="neutral">{t(`member.role.${membership.role}`)}</Badge>
        </p>
        <WorkspaceNav label={t('portal.nav.label')} items={items} testId="workspace-nav" />
      </header>
      <Outlet context={membership} />
    </div>
  );
}
