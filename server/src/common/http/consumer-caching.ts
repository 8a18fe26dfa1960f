/**
 * What the consumer pages and views tell caches: a CDN in front may keep them one second
 * (`s-maxage=1`), so a recall reaches every reader within about a second; browsers ask again each
 * time and get a 304 while nothing changed.
 */
export const CONSUMER_CACHE_CONTROL = 'public, max-age=0, s-maxage=1';

/** `If-None-Match` holds this ETag (weak comparison, a list, or `*`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || opaque(trimmed) === opaque(etag);
  });
}
