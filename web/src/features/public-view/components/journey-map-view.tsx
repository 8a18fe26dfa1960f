import { useEffect, useEffectEvent, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { MapTilesView } from '@nguon/shared';
import { getJson } from '@/lib/api-client';
import { useLocale } from '@/lib/i18n';
import type { JourneyPlace } from '../utils/journey-places';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

interface JourneyMapViewProps {
  places: JourneyPlace[];
  label: string;
  /** No tile could be drawn (tile server away, offline): the list below the map says it all. */
  onTilesFailed: () => void;
}

/** The map (Leaflet on the operator's tiles): the places numbered as in the list, joined in order. */
export default function JourneyMapView({ places, label, onTilesFailed }: JourneyMapViewProps) {
  const { locale } = useLocale();
  const container = useRef<HTMLDivElement>(null);
  const failed = useEffectEvent(onTilesFailed);
  const currentLocale = useEffectEvent(() => locale);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const controller = new AbortController();
    let map: L.Map | null = null;
    getJson<MapTilesView>('/api/public/map-tiles', { locale: currentLocale(), signal: controller.signal })
      .then((tiles) => {
        // A phone's page scrolls with the finger: the map zooms with its buttons or two fingers.
        map = L.map(element, { scrollWheelZoom: false, dragging: !L.Browser.mobile, zoomSnap: 0.5 });
        let drawn = 0;
        let reported = false;
        L.tileLayer(tiles.url, { maxZoom: tiles.maxZoom, attribution: escapeHtml(tiles.attribution) })
          .on('tileload', () => drawn++)
          .on('tileerror', () => {
            if (drawn === 0 && !reported) {
              reported = true;
              failed();
            }
          })
          .addTo(map);
        const points = places.map(({ place }) => L.latLng(place.latitude!, place.longitude!));
        if (points.length > 1) L.polyline(points, { color: '#0b4f6c', weight: 3, dashArray: '6 6' }).addTo(map);
        places.forEach(({ place }, index) => {
          const icon = L.divIcon({ className: 'journey-marker', html: String(index + 1), iconSize: [26, 26] });
          L.marker(points[index]!, { icon, title: `${index + 1}. ${place.name}`, alt: place.name }).addTo(map!);
        });
        map.fitBounds(L.latLngBounds(points).pad(0.25), { maxZoom: 12 });
      })
      .catch(() => {
        if (!controller.signal.aborted) failed();
      });
    return () => {
      controller.abort();
      map?.remove();
    };
  }, [places]);

  return <div ref={container} className="journey-map" role="region" aria-label={label} data-testid="journey-map" />;
}
