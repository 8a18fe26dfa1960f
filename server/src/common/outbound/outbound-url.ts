/**
 * What an outbound URL must look like before its host is even looked up: http or https, no user
 * name or password (they would travel in clear to whoever the host turns out to be), and a web
 * port: 80, 443, or an unprivileged one (1024 and up), not SSH, SMTP or another system service.
 */
export type UrlProblem = 'not_a_url' | 'scheme' | 'credentials' | 'port';

export function parseOutboundUrl(text: string): { url: URL } | { problem: UrlProblem } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'not_a_url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'scheme' };
  if (url.username !== '' || url.password !== '') return { problem: 'credentials' };
  if (url.hostname === '') return { problem: 'not_a_url' };
  // The URL parser drops a scheme's default port, so an empty port is 80 or 443.
  const port = Number(url.port);
  if (url.port !== '' && port < 1024 && port !== 80 && port !== 443) return { problem: 'port' };
  return { url };
}

/** The host as an address literal (`[::1]` loses its brackets), or null when it is a name. */
export function literalHost(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return host !== url.hostname || /^[\d.]+$/.test(host) ? host : null;
}

export const URL_PROBLEM_MESSAGES: Record<UrlProblem, string> = {
  not_a_url: 'must be a URL address',
  scheme: 'must start with http:// or https://',
  credentials: 'must not contain a user name or password',
  port: 'must use port 80, 443 or a port from 1024 up',
};
