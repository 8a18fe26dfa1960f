import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase, type ScratchDatabase } from '../../server/src/database/scratch-database.js';
import { freePort, startTestApp, type TestApp } from './test-app.js';

const SERVER = new URL('../../server/dist/main.js', import.meta.url).pathname;

/** Waits until `probe` answers something truthy, asking every 50 ms; that answer. */
export const until = async <T>(what: string, probe: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> => {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** The built server in a process of its own (what an operator runs), on the given database; `kill -9`-able. */
export async function spawnServer(
  database: { databaseUrl: string | null; dataDir: string },
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; baseUrl: string; log: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      AUTH_SECRET: 'test-secret-that-is-long-enough-for-hmac-signing',
      SEED_DEMO: 'false',
      WEB_DIST_DIR: '',
      PUBLIC_BASE_URL: 'http://nguon.test',
      LOGIN_RATE_LIMIT: '100000',
      PUBLIC_RATE_LIMIT: '100000',
      JOB_HEARTBEAT_SECONDS: '1',
      DATA_DIR: database.dataDir,
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (part: Buffer) => (output += part));
  child.stderr!.on('data', (part: Buffer) => (output += part));
  const baseUrl = `http://127.0.0.1:${port}`;
  await until(
    'the server to listen',
    async () =>
      child.exitCode === null &&
      (await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      )),
    30_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${output}`);
  });
  return { child, baseUrl, log: () => output };
}

/** Ends the process with SIGKILL (kill -9: no shutdown of any kind) once it has exited. */
export const killed = (child: ChildProcess) =>
  new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGKILL');
  });

/** A database that several apps use one after another: a scratch PostgreSQL database, or the embedded one in a folder. */
export type SharedDatabase = { databaseUrl: string | null; dataDir: string };

/**
 * Apps started, stopped and killed on one database, as an operator restarts them: `database()`
 * makes it (on PostgreSQL when DATABASE_URL is set), `start` runs an app on it, `stop` closes one,
 * and `close` stops the rest and removes the database.
 */
export function appsOnOneDatabase(folderPrefix: string) {
  const folders: string[] = [];
  const open: TestApp[] = [];
  let scratch: ScratchDatabase | null = null;
  return {
    async database(): Promise<SharedDatabase> {
      if (process.env.DATABASE_URL) {
        scratch = await createScratchDatabase();
        return { databaseUrl: scratch.databaseUrl, dataDir: 'memory://' };
      }
      const folder = mkdtempSync(path.join(os.tmpdir(), folderPrefix));
      folders.push(folder);
      return { databaseUrl: null, dataDir: folder };
    },
    async start(db: SharedDatabase, env: Record<string, string> = {}): Promise<TestApp> {
      const t = db.databaseUrl
        ? await startTestApp({ database: { ...db, drop: async () => undefined }, env })
        : await startTestApp({ embeddedDataDir: db.dataDir, env });
      open.push(t);
      return t;
    },
    async stop(t: TestApp): Promise<void> {
      await t.close();
      open.splice(open.indexOf(t), 1);
    },
    async close(): Promise<void> {
      for (const t of open.splice(0)) await t.close();
      await scratch?.drop();
      folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
    },
  };
}
