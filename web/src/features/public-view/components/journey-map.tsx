import { lazy, Suspense, useMemo, useState } from 'react';
import { STAGES, type PublicBatchView } from '@nguon/shared';
import { Card } from '@/components/ui/card';
import { FallbackOnError } from '@/components/ui/fallback-on-error';
import { Notice } from '@/components/ui/notice';
import { formatDate, formatInstantDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useHydrated } from '@/lib/use-hydrated';
import { formatPlaceAddress } from '@/lib/format-place';
import { journeyPlaces, onMap } from '../utils/journey-places';

// Leaflet and its styles load only on a page whose journey has coordinates, after it has shown.
const JourneyMapView = lazy(() => import('./journey-map-view'));

/**
 * Where the batch has been: a numbered list of its places (always there: without JavaScript, or
 * when the map tiles cannot load) and, in the browser, a map with the same numbers and the path.
 */
export function JourneyMap({ batch }: { batch: PublicBatchView }) {
  const t = useT();
  const { l, locale } = useLocale();
  const hydrated = useHydrated();
  const places = useMemo(() => journeyPlaces(batch), [batch]);
  const mapped = useMemo(() => onMap(places), [places]);
  const [tilesFailed, setTilesFailed] = useState(false);
  if (places.length === 0) return null;
  const mapFailed = (
    <Notice tone="warning" data-testid="journey-map-failed">
      {t('journey.mapFailed')}
    </Notice>
  );
  return (
    <Card title={t('journey.title')} data-testid="journey">
      {hydrated && mapped.length > 0 ? (
        // Its code is fetched now: if that fails, the list below still says where the batch has been.
        <FallbackOnError fallback={mapFailed}>
          <Suspense fallback={<div className="journey-map" />}>
            <JourneyMapView places={mapped} label={t('journey.mapLabel')} onTilesFailed={() => setTilesFailed(true)} />
          </Suspense>
        </FallbackOnError>
      ) : null}
      {tilesFailed ? mapFailed : null}
      <ol className="journey-places" data-testid="journey-places">
        {places.map(({ place, stage, at, offset, fromLot }) => (
          <li key={`${place.name}|${place.latitude}|${place.longitude}`} className="journey-places__item">
            <strong>{place.name}</strong>
            <span className="muted">{formatPlaceAddress(place)}</span>
            <span className="journey-places__when">
              {`${stage ? l(STAGES[stage].label) : t('batch.origin')} · ${offset ? formatInstantDate(at, locale, offset) : formatDate(at, locale)}`}
              {fromLot ? ` · ${t('journey.fromLot', { lot: fromLot })}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
