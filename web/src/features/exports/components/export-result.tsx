import { Notice } from '@/components/ui/notice';
import { useRequestErrorMessage } from '@/lib/error-message';
import { useT } from '@/lib/i18n';
import type { ExportDownload } from './use-export-download';
import { ExportProgress } from './export-progress';

/** Under the format buttons: the progress bar, then the saved file's name or what went wrong. */
export function ExportResult({ download }: { download: ExportDownload }) {
  const t = useT();
  const errorMessage = useRequestErrorMessage();
  if (download.running) return <ExportProgress progress={download.progress} />;
  if (download.error) {
    return (
      <Notice tone="danger" role="alert" data-testid="export-error">
        <p>{errorMessage(download.error)}</p>
        <ul className="exports-field-errors">
          {Object.entries(download.error.fieldErrors).flatMap(([field, messages]) =>
            messages.map((message) => <li key={`${field}:${message}`}>{message}</li>),
          )}
        </ul>
      </Notice>
    );
  }
  if (download.saved) {
    const { fileName, totalRows } = download.saved;
    return (
      <Notice tone="success" data-testid="export-saved">
        {t('exports.saved', { file: fileName, rows: totalRows ?? '?' })}
      </Notice>
    );
  }
  return null;
}
