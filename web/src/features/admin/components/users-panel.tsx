import { USER_ROLES, type UserRole } from '@nguon/shared';
import { PagedResult } from '@/components/ui/query-result';
import { SearchFilters } from '@/components/ui/search-filters';
import { useT } from '@/lib/i18n';
import { replaceItem } from '@/lib/page';
import { useListFilters } from '@/lib/use-list-filters';
import { useUsers } from '../api/list-users';
import { UserList } from './user-list';

const PAGE = 20;

/** Every account: search by name or email, filter by role, change roles, disable or enable. */
export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const t = useT();
  const { filters, filter, offset, setOffset } = useListFilters<{ q: string; role: UserRole | '' }>({ q: '', role: '' });
  const users = useUsers({ q: filters.q, role: filters.role, limit: PAGE, offset });

  return (
    <div className="stack">
      <SearchFilters
        label={t('users.searchLabel')}
        search={{ label: t('users.search') }}
        onSearch={(q) => filter({ q })}
        choice={{
          label: t('users.role'),
          name: 'role',
          any: t('users.anyRole'),
          options: USER_ROLES.map((role) => ({ value: role, label: t(`user.role.${role}`) })),
          value: filters.role,
          onChange: (role) => filter({ role }),
          testId: 'role-filter',
        }}
        submitLabel={t('admin.search')}
      />
      <PagedResult
        query={users}
        loadingLabel={t('admin.loading')}
        empty={<p className="muted">{t('users.empty')}</p>}
        limit={PAGE}
        offset={offset}
        onPage={setOffset}
        pagesLabel={t('users.pages')}
      >
        {(items) => <UserList users={items} currentUserId={currentUserId} onUpdated={(updated) => users.setData(replaceItem(updated))} />}
      </PagedResult>
    </div>
  );
}
