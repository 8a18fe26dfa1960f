import { useT } from '@/lib/i18n';
import type { ExportProgress as Progress } from '../api/download-export';

/** A download under way: rows of the total when they can be counted (CSV, EPCIS), else the size so far. */
export function ExportProgress({ progress }: { progress: Progress | null }) {
  const t = useT();
  const total = progress?.totalRows ?? null;
  const counted = progress !== null && total !== null && progress.rows > 0;
  const kilobytes = Math.round((progress?.bytes ?? 0) / 1024);
  return (
    <label className="exports-progress" data-testid="export-progress">
      <span className="visually-hidden">{t('exports.progress.label')}</span>
      {counted ? <progress max={total} value={progress.rows} /> : <progress />}
      <span aria-live="polite">
        {counted
          ? t('exports.progress.rows', { done: progress.rows, total })
          : t('exports.progress.bytes', { size: kilobytes, total: total ?? '…' })}
      </span>
    </label>
  );
}
