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

/**
 * An embedded database migrated once and copied for each scratch database: migrating one from
 * scratch takes 10-20 s on a loaded two-core machine, a copy well under one. Kept between runs
 * (Jest loads this module afresh for every test file), named by the migrations' files, so a new
 * migration, or one changed while being written, makes a new one; it is made aside and renamed
 * into place, so it is whole or absent.
 */
async function migratedEmbeddedDatabase(): Promise<string> {
  const folder = new URL('./migrations/', import.meta.url);
  const hash = createHash('sha256');
  for (const file of readdirSync(folder).sort()) if (/\.(ts|js)$/.test(file)) hash.update(file).update(readFileSync(new URL(file, folder)));
  const key = hash.digest('hex').slice(0, 16);
  const template = path.join(SCRATCH_ROOT, `nguon-template-${key}`);
  if (existsSync(template)) return template;
  const dataDir = await mkdtemp(path.join(SCRATCH_ROOT, 'nguon-migrating-'));
  try {
    const database = await openDatabase({
      databaseUrl: null,
      dataDir,
      databaseConnectTimeoutMs: 10_000,
      databaseStatementTimeoutMs: 0,
      databaseIdleInTransactionTimeoutMs: 0,
    });
    await database.close();
    await rename(dataDir, template);
  } catch (error) {
    // Another process put its copy in place first: use that one.
    if (!existsSync(template)) throw error;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return template;
}

async function embeddedScratchDatabase(): Promise<ScratchDatabase> {
  const template = await migratedEmbeddedDatabase();
  const dataDir = await mkdtemp(path.join(SCRATCH_ROOT, 'nguon-test-'));
  await cp(template, dataDir, { recursive: true });
  return { databaseUrl: null, dataDir, drop: () => rm(dataDir, { recursive: true, force: true }) };
}

/**
 * A fresh database for a test file or a benchmark, whose schema the app brings up to date: a new
 * database on the PostgreSQL server named by DATABASE_URL or, when it is not set, an embedded
 * PostgreSQL in a folder of its own (a copy of one migrated once).
 */
export async function createScratchDatabase(prefix = 'nguon_test'): Promise<ScratchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return embeddedScratchDatabase();

  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
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
