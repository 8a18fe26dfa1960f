import { useState } from 'react';
import type { UserView } from '@nguon/shared';
import { FormError } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { Pager } from '@/components/ui/pager';
import { Spinner } from '@/components/ui/spinner';
import { useT } from '@/lib/i18n';
import { useUsers } from '../api/list-users';
import { CreateInspectorForm } from './create-inspector-form';
import { UserList } from './user-list';

const PAGE = 50;

/** The inspectors' accounts, and a form to make one. */
export function InspectorsPanel({ currentUserId }: { currentUserId: string }) {
  const t = useT();
  const [offset, setOffset] = useState(0);
  const [created, setCreated] = useState<UserView | null>(null);
  const inspectors = useUsers({ role: 'inspector', limit: PAGE, offset });

  const onUpdated = (updated: UserView) =>
    inspectors.setData((page) => ({ ...page, items: page.items.map((user) => (user.id === updated.id ? updated : user)) }));

  return (
    <div className="stack">
      {inspectors.status === 'loading' ? <Spinner label={t('admin.loading')} /> : null}
      {inspectors.status === 'error' ? <FormError error={inspectors.error} /> : null}
      {inspectors.status === 'success' ? (
        inspectors.data.items.length === 0 ? (
          <p className="muted" data-testid="inspectors-empty">
            {t('inspectors.empty')}
          </p>
        ) : (
          <>
            <UserList users={inspectors.data.items} currentUserId={currentUserId} onUpdated={onUpdated} />
            <Pager total={inspectors.data.total} limit={PAGE} offset={offset} onChange={setOffset} label={t('inspectors.pages')} />
          </>
        )
      ) : null}
      {created ? (
        <Notice tone="success" role="status" data-testid="inspector-created">
          {t('inspectors.created', { name: created.displayName, email: created.email })}
        </Notice>
      ) : null}
      <CreateInspectorForm
        onCreated={(user) => {
          setCreated(user);
          inspectors.reload();
        }}
      />
    </div>
  );
}
