import { parseCompressedDigitalLink } from '@nguon/shared';

/** One path segment of base64url long enough to hold a compressed GTIN (a GTIN alone takes ten characters). */
const COMPRESSED_SEGMENT = /^\/[A-Za-z0-9_-]{10,}$/;

/**
 * A path that is a compressed GS1 Digital Link of a GTIN (whose check digit may be wrong: the
 * resolver then answers 400 saying so), not one of the web app's pages.
 */
export function isCompressedDigitalLink(path: string): boolean {
  if (!COMPRESSED_SEGMENT.test(path)) return false;
  const parsed = parseCompressedDigitalLink(path);
  return parsed.ok || parsed.problem === 'check_digit';
}
