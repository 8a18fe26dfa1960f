import { useState } from 'react';
import type { LocationView } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Notice } from '@/components/ui/notice';
import { PagedResult } from '@/components/ui/query-result';
import { deleteLocation } from '@/features/locations/api/delete-location';
import { useLocations } from '@/lib/api/list-locations';
import { LocationForm } from '@/features/locations/components/location-form';
import { LocationList } from '@/features/locations/components/location-list';
import { ReadOnlyNote } from '@/components/ui/read-only-note';
import { usePortalBusiness } from '@/lib/use-portal-business';
import { useRequestErrorMessage } from '@/lib/error-message';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';

const LIMIT = 50;

/** The business's places: the list, and for owners a form to add one or edit the one picked. */
export default function LocationsRoute() {
  const t = useT();
  const { locale } = useLocale();
  const message = useRequestErrorMessage();
  const membership = usePortalBusiness();
  const [offset, setOffset] = useState(0);
  const locations = useLocations(membership.businessId, { limit: LIMIT, offset });
  const [editing, setEditing] = useState<LocationView | null>(null);
  const [deleting, setDeleting] = useState<LocationView | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const remove = useAction((location: LocationView) => deleteLocation(location.id, { locale }));
  const canManage = membership.role === 'owner';

  const onSaved = (saved: LocationView) => {
    setNote(t('locations.saved', { name: saved.name }));
    setEditing(null);
    locations.reload();
  };

  const onDelete = async () => {
    if (!deleting) return;
    const result = await remove.run(deleting);
    if (!result.ok) return;
    setNote(t('locations.deleted', { name: deleting.name }));
    if (editing?.id === deleting.id) setEditing(null);
    setDeleting(null);
    locations.reload();
  };

  return (
    <div className="page" data-testid="locations-page">
      <header className="page__header">
        <h1 className="page__title">{t('locations.title')}</h1>
        <p className="page__intro">{t('locations.intro')}</p>
      </header>
      {canManage ? null : <ReadOnlyNote />}
      {note ? (
        <Notice tone="success" role="status" data-testid="locations-note">
          {note}
        </Notice>
      ) : null}
      <Card title={t('locations.title')}>
        <PagedResult
          query={locations}
          loadingLabel={t('locations.loading')}
          retry
          empty={<p className="muted">{t('locations.empty')}</p>}
          limit={LIMIT}
          offset={offset}
          onPage={setOffset}
          pagesLabel={t('locations.pages')}
        >
          {(items) => (
            <LocationList
              locations={items}
              onEdit={canManage ? setEditing : undefined}
              onDelete={
                canManage
                  ? (location) => {
                      remove.reset();
                      setDeleting(location);
                    }
                  : undefined
              }
            />
          )}
        </PagedResult>
      </Card>
      {canManage ? (
        <Card title={editing ? t('locations.editTitle', { name: editing.name }) : t('locations.addTitle')}>
          <LocationForm
            key={editing?.id ?? 'new'}
            businessId={membership.businessId}
            location={editing}
            onSaved={onSaved}
            onCancel={editing ? () => setEditing(null) : undefined}
          />
        </Card>
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('locations.deleteTitle', { name: deleting?.name ?? '' })}
        confirmLabel={t('locations.delete')}
        cancelLabel={t('form.cancel')}
        tone="danger"
        pending={remove.pending}
        error={remove.error ? message(remove.error) : null}
        onConfirm={() => void onDelete()}
        onClose={() => setDeleting(null)}
        data-testid="location-dialog"
      >
        <p>{t('locations.deleteText')}</p>
      </ConfirmDialog>
    </div>
  );
}
