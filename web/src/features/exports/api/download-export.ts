import {
  ERROR_CODES,
  EXPORT_TOTAL_ROWS_HEADER,
  isSpreadsheetFormat,
  type ApiError,
  type ExportColumnSet,
  type ExportFormat,
  type ExportScope,
  type Locale,
} from '@nguon/shared';
import { ApiRequestError } from '@/lib/api-client';
import { endSession, getSession } from '@/lib/session';

/** How far a download is: rows read so far (CSV and EPCIS put one event per line), of how many. */
export interface ExportProgress {
  rows: number;
  totalRows: number | null;
  bytes: number;
}

export interface ExportFile {
  blob: Blob;
  fileName: string;
  /** The events (rows) the file holds, as the server counted them. */
  totalRows: number | null;
}

interface DownloadOptions {
  locale: Locale;
  /** The spreadsheet's column set; the server's default (FSMA 204) when not given. */
  columns?: ExportColumnSet;
  signal?: AbortSignal;
  onProgress: (progress: ExportProgress) => void;
}

const NEWLINE = 10;

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'code' in value && typeof value.code === 'string' && value.code in ERROR_CODES;
}

function fileNameOf(response: Response, format: ExportFormat): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? `nguon-export.${format}`;
}

/**
 * `POST /api/exports/events.{format}`: reads the streamed file chunk by chunk, reporting progress
 * (the server names the row count in a header before the first byte), and returns it whole. The
 * spreadsheet comes in the page's language (Accept-Language).
 */
export async function downloadExport(
  format: ExportFormat,
  scope: ExportScope,
  { locale, columns, signal, onProgress }: DownloadOptions,
): Promise<ExportFile> {
  const token = getSession()?.accessToken ?? null;
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Accept-Language': locale };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    const query = columns && isSpreadsheetFormat(format) ? `?columns=${columns}` : '';
    response = await fetch(`/api/exports/events.${format}${query}`, { method: 'POST', headers, body: JSON.stringify(scope), signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError('NETWORK', 0, null);
  }
  if (!response.ok || !response.body) {
    const body: unknown = await response.json().catch(() => null);
    const error = isApiError(body)
      ? new ApiRequestError(body.code, response.status, body)
      : new ApiRequestError('INTERNAL', response.status, null);
    if (error.code === 'UNAUTHENTICATED' && token && getSession()?.accessToken === token) endSession('expired');
    throw error;
  }

  const total = Number(response.headers.get(EXPORT_TOTAL_ROWS_HEADER));
  const totalRows = Number.isFinite(total) && response.headers.has(EXPORT_TOTAL_ROWS_HEADER) ? total : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let lines = 0;
  let bytes = 0;
  const reader = response.body.getReader();
  onProgress({ rows: 0, totalRows, bytes: 0 });
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiRequestError('NETWORK', 0, null);
    }
    if (chunk.done) break;
    chunks.push(chunk.value);
    bytes += chunk.value.byteLength;
    for (const byte of chunk.value) if (byte === NEWLINE) lines += 1;
    // The first line is the header (CSV) or the document's opening (EPCIS); XLSX is compressed, so only bytes count.
    const rows = format === 'xlsx' ? 0 : Math.min(Math.max(lines - 1, 0), totalRows ?? Infinity);
    onProgress({ rows, totalRows, bytes });
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return { blob: new Blob(chunks, { type }), fileName: fileNameOf(response, format), totalRows };
}

/** Hands the file to the browser's downloads, under its name. */
export function saveFile({ blob, fileName }: ExportFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on a later turn: the click starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
