import { useSearchParams } from 'react-router';
import { STAGES, type Stage } from '@nguon/shared';
import { Notice } from '@/components/ui/notice';
import { useLocale, useT } from '@/lib/i18n';

const PARAM = 'recorded';
type Recorded = Stage | 'corrected';

/** The batch page's address after a save, carrying what was saved so the page can say so. */
export function recordedPath(batchPath: string, what: Recorded): string {
  return `${batchPath}?${PARAM}=${encodeURIComponent(what)}`;
}

/** "Saved" on the page a form came back to (the address says what was saved). */
export function RecordedNotice() {
  const t = useT();
  const { l } = useLocale();
  const [params] = useSearchParams();
  const what = params.get(PARAM);
  if (!what) return null;
  const text =
    what === 'corrected'
      ? t('events.saved.corrected')
      : what in STAGES
        ? t('events.saved.stage', { stage: l(STAGES[what as Stage].label) })
        : null;
  return text ? (
    <Notice tone="success" role="status" data-testid="recorded-notice">
      {text}
    </Notice>
  ) : null;
}
