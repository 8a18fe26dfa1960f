import { existsSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@nestjs/common';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/app-config.js';
import { seedDemoData } from '../database/seed/demo-seed.js';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export interface DemoPortal {
  /** http://127.0.0.1:port, also the base of its QR codes. */
  origin: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The web build is there to serve; the page benches skip without it. */
export const webBuilt = (): boolean => existsSync(`${WEB_DIST}/index.html`);

/**
 * The portal as a shopper meets it, for the page benches: demo data in an in-memory embedded
 * database, serving web/dist as in production (the load bench runs without the web app).
 */
export async function startDemoPortal(): Promise<DemoPortal> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const app = await createApp(
    loadConfig({
      PORT: String(port),
      PUBLIC_BASE_URL: origin,
      DATA_DIR: 'memory://',
      SEED_DEMO: 'false',
      WEB_DIST_DIR: WEB_DIST,
      PUBLIC_RATE_LIMIT: '1000000',
      AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
    }),
    { logger: false },
  );
  try {
    await seedDemoData(app, { log: () => undefined, error: console.error } as unknown as Logger);
    await app.nest.listen({ port, host: '127.0.0.1' });
  } catch (error) {
    await app.close();
    throw error;
  }
  return { origin, close: () => app.close() };
}
