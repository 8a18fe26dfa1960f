import { useSearchParams } from 'react-router';
import { Tabs } from '@/components/ui/tabs';
import { BusinessDirectory } from '@/features/businesses/components/business-directory';
import { PendingBusinesses } from '@/features/businesses/components/pending-businesses';
import { InspectorsPanel } from '@/features/admin/components/inspectors-panel';
import { UsersPanel } from '@/features/admin/components/users-panel';
import { useCurrentUser } from '@/lib/auth';
import { useT } from '@/lib/i18n';

const TABS = ['pending', 'businesses', 'users', 'inspectors'] as const;
type Tab = (typeof TABS)[number];

const isTab = (value: string | null): value is Tab => (TABS as readonly (string | null)[]).includes(value);

/** The portal operator's page; the open tab is in the URL (`?tab=users`) so it survives a reload. */
export default function AdminRoute() {
  const t = useT();
  const user = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const tab: Tab = isTab(search.get('tab')) ? (search.get('tab') as Tab) : 'pending';
  if (!user) return null;

  const panel =
    tab === 'pending' ? (
      <PendingBusinesses />
    ) : tab === 'businesses' ? (
      <BusinessDirectory />
    ) : tab === 'users' ? (
      <UsersPanel currentUserId={user.id} />
    ) : (
      <InspectorsPanel currentUserId={user.id} />
    );

  return (
    <div className="page" data-testid="admin-page">
      <title>{`${t('admin.title')} | ${t('app.name')}`}</title>
      <h1 className="page__title">{t('admin.title')}</h1>
      <p className="page__intro">{t('admin.intro')}</p>
      <Tabs
        label={t('admin.title')}
        tabs={TABS.map((key) => ({ key, label: t(`admin.tab.${key}`) }))}
        selected={tab}
        onSelect={(key) => setSearch(key === 'pending' ? {} : { tab: key }, { replace: true })}
      >
        {panel}
      </Tabs>
    </div>
  );
}
