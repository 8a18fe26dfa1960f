import { useState } from 'react';
import type { UserView } from '@nguon/shared';
import { Notice } from '@/components/ui/notice';
import { PagedResult } from '@/components/ui/query-result';
import { useT } from '@/lib/i18n';
import { replaceItem } from '@/lib/page';
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

  return (
    <div className="stack">
      <PagedResult
        query={inspectors}
        loadingLabel={t('admin.loading')}
        empty={
          <p className="muted" data-testid="inspectors-empty">
            {t('inspectors.empty')}
          </p>
        }
        limit={PAGE}
        offset={offset}
        onPage={setOffset}
        pagesLabel={t('inspectors.pages')}
      >
        {(items) => (
          <UserList users={items} currentUserId={currentUserId} onUpdated={(updated) => inspectors.setData(replaceItem(updated))} />
        )}
      </PagedResult>
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
