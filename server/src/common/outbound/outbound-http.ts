import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AddressPolicy, type AddressRefusal } from './address-policy.js';
import { literalHost, parseOutboundUrl } from './outbound-url.js';

const CONNECT_TIMEOUT_MS = 3_000;

/** The URL's host is, or resolves to, an address the policy refuses. Retrying will not help. */
export class AddressRefusedError extends Error {
  constructor(
    readonly reason: AddressRefusal | 'url',
    readonly host: string,
    readonly address: string | null,
  ) {
    super(
      reason === 'url'
        ? `refused: not an outbound URL: ${host}`
        : `refused: ${host}${address && address !== host ? ` (${address})` : ''} is ${reason}`,
    );
    this.name = 'AddressRefusedError';
  }
}

/** The URL's host name does not resolve (now). */
export class HostNotFoundError extends Error {
  constructor(readonly host: string) {
    super(`host not found: ${host}`);
    this.name = 'HostNotFoundError';
  }
}

type Address = { address: string; family: 4 | 6 };
const LOCALHOST: Address[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
];

/** A lookup that answers with the addresses already checked, so the connection goes where the check said. */
export function pinnedLookup(addresses: Address[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
}

/**
 * Every call the portal makes to an address a user chose (webhooks) goes through here: the URL's
 * form, then the host resolved and each of its addresses checked against the policy, then the
 * connection pinned to those very addresses (a second lookup could answer differently: DNS
 * rebinding), no redirects, short timeouts, and the answer's body never read.
 */
@Injectable()
export class OutboundHttp {
  private readonly policy: AddressPolicy;
  private readonly timeoutMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.policy = new AddressPolicy(config.outboundAllowedNetworks);
    this.timeoutMs = config.outboundTimeoutMs;
  }

  /** The addresses `text` may be called at; throws AddressRefusedError or HostNotFoundError. */
  async resolve(text: string, deadline = AbortSignal.timeout(this.timeoutMs)): Promise<{ url: URL; addresses: Address[] }> {
    const parsed = parseOutboundUrl(text);
    if ('problem' in parsed) throw new AddressRefusedError('url', text, null);
    const { url } = parsed;
    const literal = literalHost(url);
    const host = literal ?? url.hostname.replace(/\.$/, '').toLowerCase();
    let addresses: Address[];
    if (literal !== null) {
      addresses = [{ address: literal, family: literal.includes(':') ? 6 : 4 }];
    } else if (host === 'localhost' || host.endsWith('.localhost')) {
      // RFC 6761: localhost and its subdomains are this machine, whatever a resolver says.
      addresses = LOCALHOST;
    } else {
      try {
        const found = await Promise.race([dnsLookup(host, { all: true }), aborted(deadline)]);
        addresses = found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
      } catch {
        throw new HostNotFoundError(host);
      }
      if (addresses.length === 0) throw new HostNotFoundError(host);
    }
    for (const { address } of addresses) {
      const reason = this.policy.refusalOf(address);
      if (reason) throw new AddressRefusedError(reason, host, address);
    }
    return { url, addresses };
  }

  /**
   * POSTs `body` and returns the answer's status (a 3xx is returned, not followed). Throws
   * AddressRefusedError, HostNotFoundError, or an Error for a network failure or timeout.
   */
  async post(text: string, body: string, headers: Record<string, string>): Promise<{ status: number }> {
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const { url, addresses } = await this.resolve(text, deadline);
    return new Promise((resolve, reject) => {
      const request = (url.protocol === 'https:' ? https : http).request(url, {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
        lookup: pinnedLookup(addresses),
        signal: deadline,
      });
      request.once('socket', (socket) => {
        const timer = setTimeout(
          () => request.destroy(new Error(`connect timeout after ${CONNECT_TIMEOUT_MS} ms`)),
          Math.min(CONNECT_TIMEOUT_MS, this.timeoutMs),
        );
        socket.once('connect', () => clearTimeout(timer));
        socket.once('close', () => clearTimeout(timer));
      });
      request.once('response', (response) => {
        resolve({ status: response.statusCode ?? 0 });
        // The body is the receiver's business: not read, the connection closed.
        response.destroy();
      });
      request.once('error', (error) => reject(deadline.aborted ? new Error(`no answer within ${this.timeoutMs} ms`) : error));
      request.end(body);
    });
  }
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(new Error('no answer in time'));
    signal.addEventListener('abort', () => reject(new Error('no answer in time')), { once: true });
  });
}
