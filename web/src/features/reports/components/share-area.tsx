import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ApiRequestError } from '@/lib/api-client';
import { useLocale, useT } from '@/lib/i18n';
import { shareScanPlace } from '../api/send-report';

/** Rounded on the phone already: the exact position never leaves it. */
const coarse = (degrees: number) => Math.round(degrees * 10) / 10;

/**
 * Opt-in: the visitor's rough area for the scan they just made (named by its token), so that one
 * code opened in far-apart places at once (a copied label) can be flagged for inspectors.
 */
export function ShareArea({ batchId, scanToken }: { batchId: string; scanToken: string }) {
  const t = useT();
  const { locale } = useLocale();
  const [state, setState] = useState<'idle' | 'asking' | 'shared' | 'denied'>('idle');
  if (!('geolocation' in navigator)) return null;

  const share = () => {
    setState('asking');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const body = { scanToken, latitude: coarse(position.coords.latitude), longitude: coarse(position.coords.longitude) };
        shareScanPlace(batchId, body, { locale }).then(
          () => setState('shared'),
          // Shared already (from another tab of the same scan) is as good as shared now.
          (error: unknown) => setState(error instanceof ApiRequestError && error.code === 'SCAN_ALREADY_PLACED' ? 'shared' : 'denied'),
        );
      },
      () => setState('denied'),
      { enableHighAccuracy: false, maximumAge: 600_000, timeout: 15_000 },
    );
  };

  if (state === 'shared' || state === 'denied') {
    return (
      <p className="muted share-area" role="status" data-testid="area-status">
        {t(state === 'shared' ? 'reports.areaShared' : 'reports.areaDenied')}
      </p>
    );
  }
  return (
    <div className="share-area">
      <Button variant="secondary" onClick={share} disabled={state === 'asking'} data-testid="share-area">
        {t('reports.shareArea')}
      </Button>
      <p className="muted share-area__hint">{t('reports.shareAreaHint')}</p>
    </div>
  );
}
