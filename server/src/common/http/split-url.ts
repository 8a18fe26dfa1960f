/** A request URL's path (without trailing slashes) and its query string (with its `?`, or empty). */
export function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  const pathOnly = (at === -1 ? url : url.slice(0, at)).replace(/\/+$/, '');
  return [pathOnly, at === -1 ? '' : url.slice(at)];
}
