import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { TrustProxy } from '../../config/app-config.js';

/** Whether the proxy at `address`, `hop` hops from the portal, is believed about the client's address. */
export type TrustFunction = (address: string, hop: number) => boolean;

/**
 * TRUST_PROXY as one function, given to Fastify (`request.ip`) and used by the memory lane, so both
 * name the same client: a number trusts that many hops nearest the portal, a list those proxies.
 */
export function trustFunction(trust: TrustProxy): TrustFunction | false {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return proxyAddr.compile(trust);
}

/** The client's address as Fastify's `request.ip` gives it. */
export function clientAddressOf(request: IncomingMessage, trust: TrustFunction | false): string | undefined {
  if (!trust) return request.socket.remoteAddress;
  const addresses = proxyAddr.all(request, trust);
  return addresses[addresses.length - 1];
}
