import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { WorkspaceNav, type WorkspaceNavItem } from '@/components/layouts/workspace-nav';
import { useFlagCounts } from '@/features/flags/api/flag-counts';
import { hasRole, useCurrentUser } from '@/lib/auth';
import { usePluralT, useT } from '@/lib/i18n';

/**
 * The frame of the inspectors' and administrators' pages: their sections (administration for
 * administrators; search, recalls, flags with the count still open, exports, businesses'
 * compliance and the audit log for both), then the page.
 */
export function StaffLayout() {
  const t = useT();
  const tp = usePluralT();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  const counts = useFlagCounts();
  const { reload } = counts;

  // Consumers report at any time: the count is fetched again as the inspector moves between pages.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else reload();
  }, [pathname, reload]);

  const open = counts.status === 'success' ? counts.data.open : 0;
  const items: WorkspaceNavItem[] = [
    ...(hasRole(user, ['admin']) ? [{ to: '/admin', label: t('nav.admin'), testId: 'nav-admin' }] : []),
    { to: '/inspector', label: t('inspector.nav.search'), end: true, testId: 'nav-search' },
    { to: '/inspector/recalls', label: t('inspector.nav.recalls'), testId: 'nav-recalls' },
    {
      to: '/inspector/flags',
      label: t('inspector.nav.flags'),
      badge: { count: open, label: tp('inspector.nav.flagsOpen', open) },
      testId: 'nav-flags',
    },
    { to: '/inspector/exports', label: t('inspector.nav.exports'), testId: 'nav-exports' },
    { to: '/label-check', label: t('labelCheck.page.title'), testId: 'nav-label-check' },
    { to: '/inspector/scorecards', label: t('scorecards.nav'), testId: 'nav-scorecards' },
    { to: '/audit', label: t('nav.audit'), testId: 'nav-audit' },
  ];
  return (
    <div className="workspace" data-testid="staff-workspace">
      <WorkspaceNav label={t('inspector.nav.label')} items={items} testId="workspace-nav" />
      <Outlet />
    </div>
  );
}
