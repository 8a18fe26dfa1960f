import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../config/app-config.js';
import { AddressRefusedError, OutboundHttp, pinnedLookup } from './outbound-http.js';

describe('OutboundHttp', () => {
  let server: Server;
  let port: number;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ({ port } = server.address() as AddressInfo);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('connects to the address it checked, not to what a second lookup would say (DNS rebinding)', async () => {
    // rebound.invalid resolves nowhere (RFC 6761): the request can only have gone to the pinned address.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `http://rebound.invalid:${port}/hook`,
        { method: 'POST', agent: false, lookup: pinnedLookup([{ address: '127.0.0.1', family: 4 }]) },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.once('error', reject);
      req.end('{}');
    });
    expect(status).toBe(204);
    expect(seen.at(-1)!.host).toBe(`rebound.invalid:${port}`);
  });

  it('takes localhost for this machine without asking a resolver, and refuses it unless both loopback addresses are allowed', async () => {
    const strict = new OutboundHttp(loadConfig({}));
    await expect(strict.resolve(`http://localhost:${port}/`)).rejects.toMatchObject({ reason: 'loopback', address: '127.0.0.1' });
    await expect(strict.resolve(`http://api.localhost:${port}/`)).rejects.toBeInstanceOf(AddressRefusedError);
    const onlyV4 = new OutboundHttp(loadConfig({ OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32' }));
    await expect(onlyV4.resolve(`http://localhost:${port}/`)).rejects.toMatchObject({ reason: 'loopback', address: '::1' });
    const both = new OutboundHttp(loadConfig({ OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8,::1/128' }));
    expect((await both.post(`http://localhost:${port}/`, '{}', {})).status).toBe(204);
  });
});
