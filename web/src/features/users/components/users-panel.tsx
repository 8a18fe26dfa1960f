import { useState, type FormEvent } from 'react';
import { USER_ROLES, type UserRole, type UserView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { FormError } from '@/components/ui/form-error';
import { Pager } from '@/components/ui/pager';
import { SelectField } from '@/components/ui/select-field';
import { Spinner } from '@/components/ui/spinner';
import { TextField } from '@/components/ui/text-field';
import { useT } from '@/lib/i18n';
import { useUsers } from '../api/list-users';
import { UserList } from './user-list';

const PAGE = 20;

/** Every account: search by name or email, filter by role, change roles, disable or enable. */
export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<{ q: string; role: UserRole | '' }>({ q: '', role: '' });
  const [offset, setOffset] = useState(0);
  const users = useUsers({ q: filters.q, role: filters.role, limit: PAGE, offset });

  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOffset(0);
    setFilters((current) => ({ ...current, q: search.trim() }));
  };

  const onUpdated = (updated: UserView) =>
    users.setData((page) => ({ ...page, items: page.items.map((user) => (user.id === updated.id ? updated : user)) }));

  return (
    <div className="stack">
      <form className="filters" role="search" onSubmit={onSearch} aria-label={t('users.searchLabel')}>
        <TextField
          label={t('users.search')}
          type="search"
          name="q"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="filters__grow"
        />
        <SelectField
          label={t('users.role')}
          name="role"
          value={filters.role}
          onChange={(event) => {
            setOffset(0);
            setFilters((current) => ({ ...current, role: event.target.value as UserRole | '' }));
          }}
          data-testid="role-filter"
        >
          <option value="">{t('users.anyRole')}</option>
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`user.role.${role}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary" className="filters__submit">
          {t('admin.search')}
        </Button>
      </form>
      {users.status === 'loading' ? <Spinner label={t('admin.loading')} /> : null}
      {users.status === 'error' ? <FormError error={users.error} /> : null}
      {users.status === 'success' ? (
        users.data.items.length === 0 ? (
          <p className="muted">{t('users.empty')}</p>
        ) : (
          <>
            <UserList users={users.data.items} currentUserId={currentUserId} onUpdated={onUpdated} />
            <Pager total={users.data.total} limit={PAGE} offset={offset} onChange={setOffset} label={t('users.pages')} />
          </>
        )
      ) : null}
    </div>
  );
}
