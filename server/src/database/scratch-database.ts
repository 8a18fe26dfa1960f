import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from './data-source.js';

export interface ScratchDatabase {
  /** What the app's config takes: a fresh database's URL, or null for the embedded one. */
  databaseUrl: string | null;
  dataDir: string;
  drop(): Promise<void>;
}

/** Memory-backed where the machine has it: the embedded databases of tests are written often. */
const SCRATCH_ROOT = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

/** The migrations' files, as a short key: a new migration, or one changed while being written, makes a new one. */
function migrationsKey(): string {
  const folder = new URL('./migrations/', import.meta.url);
  const hash = createHash('sha256');
  for (const file of readdirSync(folder).sort()) if (/\.(ts|js)$/.test(file)) hash.update(file).update(readFileSync(new URL(file, folder)));
  return hash.digest('hex').slice(0, 16);
}

/** Opens a database, which brings its schema up to date, and closes it. */
async function migrate(databaseUrl: string | null, dataDir: string): Promise<void> {
  const database = await openDatabase({
    databaseUrl,
    dataDir,
    databaseConnectTimeoutMs: 10_000,
    databaseStatementTimeoutMs: 0,
    databaseIdleInTransactionTimeoutMs: 0,
  });
  await database.close();
}

/**
 * An embedded database migrated once and copied for each scratch database: migrating one from
 * scratch takes 10-20 s on a loaded two-core machine, a copy well under one. Kept between runs
 * (Jest loads this module afresh for every test file), named by the migrations' files; it is
 * made aside and renamed into place, so it is whole or absent.
 */
async function migratedEmbeddedDatabase(): Promise<string> {
  const template = path.join(SCRATCH_ROOT, `nguon-template-${migrationsKey()}`);
  if (existsSync(template)) return template;
  const dataDir = await mkdtemp(path.join(SCRATCH_ROOT, 'nguon-migrating-'));
  try {
    await migrate(null, dataDir);
    await rename(dataDir, template);
  } catch (error) {
    // Another process put its copy in place first: use that one.
    if (!existsSync(template)) throw error;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return template;
}

async function embeddedScratchDatabase(empty: boolean): Promise<ScratchDatabase> {
  const dataDir = await mkdtemp(path.join(SCRATCH_ROOT, 'nguon-test-'));
  if (!empty) await cp(await migratedEmbeddedDatabase(), dataDir, { recursive: true });
  return { databaseUrl: null, dataDir, drop: () => rm(dataDir, { recursive: true, force: true }) };
}

/** The URL of database `name` on the server of `serverUrl`. */
function databaseUrlOf(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A PostgreSQL database migrated once and copied for each scratch database (`CREATE DATABASE …
 * TEMPLATE`), as the embedded one is: its migrations took about 2 s a test file, a copy about half
 * of one. Kept on the server between runs, named by the migrations' files (a few megabytes each);
 * made under another name and renamed into place, so it is whole or absent. It takes no
 * connections, as a template being copied must have none.
 */
async function migratedTemplate(admin: pg.Client, serverUrl: string): Promise<string> {
  const template = `nguon_template_${migrationsKey()}`;
  const exists = async () => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount === 1;
  if (await exists()) return template;
  const building = `nguon_migrating_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${building}`);
  try {
    await migrate(databaseUrlOf(serverUrl, building), 'memory://');
    // Closed to connections (autovacuum's too), which would stop a copy.
    await admin.query(`ALTER DATABASE ${building} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
  } catch (error) {
    // Another process put its template in place first: use that one.
    if (!(await exists())) throw error;
  } finally {
    if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [building])).rowCount === 1) {
      await admin.query(`ALTER DATABASE ${building} WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE ${building} WITH (FORCE)`);
    }
  }
  return template;
}

/**
 * A fresh database for a test file or a benchmark, its schema up to date (a copy of one migrated
 * once; `empty`: none, for tests of the migrations themselves): a new database on the PostgreSQL
 * server named by DATABASE_URL or, when it is not set, an embedded PostgreSQL in a folder of its own.
 */
export async function createScratchDatabase(prefix = 'nguon_test', options: { empty?: boolean } = {}): Promise<ScratchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return embeddedScratchDatabase(options.empty ?? false);

  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(
      options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${await migratedTemplate(admin, serverUrl)}`,
    );
  } finally {
    await admin.end();
  }
  return {
    databaseUrl: databaseUrlOf(serverUrl, name),
    dataDir: 'memory://',
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
