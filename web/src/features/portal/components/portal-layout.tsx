import { NavLink, Outlet, useParams } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { BusinessStatusBadge } from '@/components/ui/business-status-badge';
import { useCurrentUser } from '@/lib/auth';
import { useT, type MessageKey } from '@/lib/i18n';
import { NotAllowedPage } from '@/components/layouts/not-allowed-page';
import { portalPath } from '@/lib/use-portal-business';
import '../portal.css';

const SECTIONS: readonly { to: string; label: MessageKey; end?: boolean }[] = [
  { to: '', label: 'portal.nav.dashboard', end: true },
  { to: '/batches', label: 'portal.nav.batches' },
  { to: '/shipments', label: 'portal.nav.shipments' },
  { to: '/products', label: 'portal.nav.products' },
  { to: '/locations', label: 'portal.nav.locations' },
  { to: '/certificates', label: 'portal.nav.certificates' },
  { to: '/import', label: 'portal.nav.import' },
];

/** The business portal's frame: which business, its sections, then the page. Members only. */
export function PortalLayout() {
  const t = useT();
  const { businessId = '' } = useParams();
  const user = useCurrentUser();
  const membership = user?.memberships.find((m) => m.businessId === businessId);
  if (!membership) return <NotAllowedPage />;
  return (
    <div className="portal" data-testid="portal" data-business-id={businessId}>
      <header className="portal__header">
        <p className="portal__business">
          <strong data-testid="portal-business-name">{membership.businessName}</strong>
          <BusinessStatusBadge status={membership.businessStatus} />
          <Badge tone="neutral">{t(`member.role.${membership.role}`)}</Badge>
        </p>
        <nav className="portal__nav" aria-label={t('portal.nav.label')}>
          {SECTIONS.map((section) => (
            <NavLink key={section.label} to={portalPath(businessId, section.to)} end={section.end} className="portal__nav-link">
              {t(section.label)}
            </NavLink>
          ))}
          <NavLink to={`/businesses/${encodeURIComponent(businessId)}/settings`} className="portal__nav-link">
            {t('portal.nav.settings')}
          </NavLink>
        </nav>
      </header>
      <Outlet context={membership} />
    </div>
  );
}
