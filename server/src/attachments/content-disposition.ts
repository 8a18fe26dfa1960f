/**
 * An RFC 6266 `Content-Disposition: inline` header: an ASCII fallback name for old clients and
 * the exact (Vietnamese) name in `filename*` (RFC 8187), so no quote or newline can break it.
 */
export function inlineDisposition(fileName: string): string {
  const fallback = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.\- ]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
