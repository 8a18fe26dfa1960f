import { safeFileName } from './file-name.js';

/**
 * An RFC 6266 `Content-Disposition` header: `inline` shows the file in place, `attachment` makes
 * the browser save it. An ASCII fallback name for old clients and the exact (Vietnamese) name in
 * `filename*` (RFC 8187), so no quote, newline or bidi mark can break or disguise it.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const name = safeFileName(fileName);
  const fallback = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.\- ]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
