import { isIP } from 'node:net';

/**
 * `a.b.c.d/n`, `x::y/n` or a single address; null when it is neither. The configuration checks
 * OUTBOUND_ALLOWED_NETWORKS with it at start-up and the outbound address policy (common/) reads
 * the same list, so it lives here, below both.
 */
export function parseNetwork(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address = '', prefixText, extra] = text.trim().split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : -1;
  if (prefix < 0 || prefix > max) return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}
