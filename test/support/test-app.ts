import 'reflect-metadata';
import net, { type AddressInfo } from 'node:net';
import { createApp, type App } from '../../server/src/app.factory.js';
import { loadConfig, type AppConfig } from '../../server/src/config/app-config.js';
import { sharedTileServer } from './tile-server.js';
import { createScratchDatabase, type ScratchDatabase } from '../../server/src/database/scratch-database.js';

export interface TestApp {
  app: App;
  config: AppConfig;
  /** http://127.0.0.1:port of the running server. */
  baseUrl: string;
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The whole portal on a fresh database, listening on a free port, as a user would reach it.
 * `web: true` serves the built web app and makes the QR codes point at this very server, so a
 * browser can open what a QR code holds (browser tests); API tests leave both out.
 */
export async function startTestApp(
  options: { web?: boolean; env?: Record<string, string>; embeddedDataDir?: string; database?: ScratchDatabase } = {},
): Promise<TestApp> {
  // `embeddedDataDir`: the embedded database in that folder, whatever DATABASE_URL says; kept on close.
  // `database`: a scratch database the caller made (and drops).
  const db: ScratchDatabase = options.database
    ? { ...options.database, drop: async () => undefined }
    : options.embeddedDataDir
      ? { databaseUrl: null, dataDir: options.embeddedDataDir, drop: async () => undefined }
      : await createScratchDatabase();
  let app: App;
  let config: AppConfig;
  // A web app is told its port before it listens (its QR codes point at it): a port found free can
  // be taken meanwhile by another test's process, so it is tried again on another.
  for (let attempt = 1; ; attempt++) {
    const port = options.web ? await freePort() : 0;
    const env: NodeJS.ProcessEnv = {
      PORT: String(port),
      PUBLIC_BASE_URL: options.web ? `http://127.0.0.1:${port}` : 'http://nguon.test',
      AUTH_SECRET: 'test-secret-that-is-long-enough-for-hmac-signing',
      SEED_DEMO: 'false',
      PUBLIC_RATE_LIMIT: '100000',
      LOGIN_RATE_LIMIT: '100000',
      REPORT_RATE_LIMIT: '100000',
      // TEST_WEB_DIST: a web build elsewhere, so one build can be tested while another is made.
      WEB_DIST_DIR: options.web ? (process.env.TEST_WEB_DIST ?? 'web/dist') : '',
      // Pages draw their maps on local tiles: tests never depend on the internet.
      ...(options.web ? { MAP_TILE_URL: (await sharedTileServer()).url } : {}),
      DATA_DIR: db.dataDir,
      ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
      ...options.env,
    };
    config = loadConfig(env, new URL('../..', import.meta.url).pathname);
    try {
      // TEST_LOG=1 shows the server's log (a 500's stack trace) while a test runs.
      app = await createApp(config, { logger: process.env.TEST_LOG === '1' });
    } catch (error) {
      await db.drop();
      throw error;
    }
    try {
      await app.nest.listen({ port, host: '127.0.0.1' });
      break;
    } catch (error) {
      await app.close();
      if ((error as { code?: string }).code === 'EADDRINUSE' && attempt < 3) continue;
      await db.drop();
      throw error;
    }
  }
  const { port: listening } = app.nest.getHttpServer().address() as AddressInfo;
  return {
    app,
    config,
    baseUrl: `http://127.0.0.1:${listening}`,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
