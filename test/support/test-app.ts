import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../../server/src/app.factory.js';
import { loadConfig, type AppConfig } from '../../server/src/config/app-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: App;
  config: AppConfig;
  /** http://127.0.0.1:port of the running server. */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The whole portal on a fresh database, listening on a free port, as a user would reach it.
 * `web: true` serves the built web app (browser tests); API tests leave it out.
 */
export async function startTestApp(options: { web?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db: TestDatabase = await createTestDatabase();
  const env: NodeJS.ProcessEnv = {
    PORT: '0',
    PUBLIC_BASE_URL: 'http://nguon.test',
    AUTH_SECRET: 'test-secret-that-is-long-enough-for-hmac-signing',
    SEED_DEMO: 'false',
    PUBLIC_RATE_LIMIT: '100000',
    WEB_DIST_DIR: options.web ? 'web/dist' : '',
    DATA_DIR: db.dataDir,
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    ...options.env,
  };
  const config = loadConfig(env, new URL('../..', import.meta.url).pathname);
  let app: App;
  try {
    app = await createApp(config, { logger: false });
    await app.nest.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await db.drop();
    throw error;
  }
  const { port } = app.nest.getHttpServer().address() as AddressInfo;
  return {
    app,
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}
