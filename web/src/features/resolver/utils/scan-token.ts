const SCAN_FRAGMENT = /^#scan=([\w.-]+)$/;

/**
 * The token of the scan that brought the visitor here: the resolver puts it in the fragment of
 * the page it redirects a browser to (`#scan=…`), so it never reaches a server log or a Referer.
 */
export function scanTokenFromHash(hash: string): string | undefined {
  return SCAN_FRAGMENT.exec(hash)?.[1];
}
