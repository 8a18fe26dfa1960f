import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PNG } from 'pngjs';

export interface TileServer {
  /** A `{z}/{x}/{y}` URL template for MAP_TILE_URL. */
  url: string;
  /** Tiles asked for so far. */
  requests: string[];
  close(): Promise<void>;
}

/** A map tile server on 127.0.0.1 that answers every tile with the same plain 256×256 PNG. */
export async function startTileServer(): Promise<TileServer> {
  const tile = new PNG({ width: 256, height: 256 });
  tile.data.fill(0xe8);
  const png = PNG.sync.write(tile);
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Never what keeps a test process alive.
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let shared: Promise<TileServer> | null = null;

/** One tile server for every web app a test process starts, so no page reaches for the internet's tiles. */
export function sharedTileServer(): Promise<TileServer> {
  shared ??= startTileServer();
  return shared;
}
