import type { LocationView } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n';
import { osmLink } from './osm-link';

interface LocationListProps {
  locations: readonly LocationView[];
  /** Given to owners: edit and delete buttons. */
  onEdit?: (location: LocationView) => void;
  onDelete?: (location: LocationView) => void;
}

/** Places as rows: kind, name, address, GLN and a map link when it has coordinates. */
export function LocationList({ locations, onEdit, onDelete }: LocationListProps) {
  const t = useT();
  return (
    <ul className="row-list" aria-label={t('locations.title')}>
      {locations.map((location) => (
        <li key={location.id} className="row" data-testid="location-row" data-location-id={location.id}>
          <div className="row__main">
            <p className="row__title">{location.name}</p>
            <p className="row__meta">
              {t(`place.${location.kind}`)} · {location.address}, {location.province}
              {location.gln ? (
                <>
                  {' · '}
                  <span className="code">GLN {location.gln}</span>
                </>
              ) : null}
            </p>
            <p className="row__meta">
              {location.latitude !== null && location.longitude !== null ? (
                <a href={osmLink(location.latitude, location.longitude)} target="_blank" rel="noreferrer" data-testid="location-map">
                  {location.latitude}, {location.longitude} · {t('locations.viewMap')}
                </a>
              ) : (
                <span className="muted">{t('locations.noCoordinates')}</span>
              )}
            </p>
          </div>
          {onEdit && onDelete ? (
            <div className="row__actions">
              <Button
                variant="secondary"
                className="button--small"
                aria-label={t('locations.editLabel', { name: location.name })}
                onClick={() => onEdit(location)}
                data-testid="location-edit"
              >
                {t('locations.edit')}
              </Button>
              <Button
                variant="secondary"
                className="button--small button--danger-outline"
                aria-label={t('locations.deleteLabel', { name: location.name })}
                onClick={() => onDelete(location)}
                data-testid="location-delete"
              >
                {t('locations.delete')}
              </Button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
