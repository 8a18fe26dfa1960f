import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportColumnSet, ExportFormat, ExportScope } from '@nguon/shared';
import { isAbortError, toRequestError, type ApiRequestError } from '@/lib/api-client';
import { useLocale } from '@/lib/i18n';
import { downloadExport, saveFile, type ExportFile, type ExportProgress } from '../api/download-export';

export interface ExportDownload {
  /** Downloads the export (a spreadsheet with these columns, by default FSMA 204's) and saves it; a failure is left in `error`. */
  start: (format: ExportFormat, scope: ExportScope, columns?: ExportColumnSet) => Promise<void>;
  /** The format being downloaded, while one is. */
  running: ExportFormat | null;
  progress: ExportProgress | null;
  error: ApiRequestError | null;
  /** The last file saved: its name and how many rows it holds. */
  saved: Pick<ExportFile, 'fileName' | 'totalRows'> | null;
}

/** One export at a time: its progress, then the saved file's name or the error. Leaving the page cancels it. */
export function useExportDownload(): ExportDownload {
  const { locale } = useLocale();
  const [running, setRunning] = useState<ExportFormat | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [saved, setSaved] = useState<ExportDownload['saved']>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (format: ExportFormat, scope: ExportScope, columns?: ExportColumnSet) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setRunning(format);
      setError(null);
      setSaved(null);
      setProgress(null);
      try {
        const file = await downloadExport(format, scope, { locale, columns, signal: current.signal, onProgress: setProgress });
        saveFile(file);
        setSaved({ fileName: file.fileName, totalRows: file.totalRows });
      } catch (caught) {
        if (!isAbortError(caught)) setError(toRequestError(caught));
      } finally {
        if (controller.current === current) {
          setRunning(null);
          controller.current = null;
        }
      }
    },
    [locale],
  );

  return { start, running, progress, error, saved };
}
