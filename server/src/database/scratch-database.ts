import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ScratchDatabase {
  /** What the app's config takes: a fresh database's URL, or null for the embedded one. */
  databaseUrl: string | null;
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for a test file or a benchmark: a new database on the PostgreSQL
 * server named by DATABASE_URL, or an in-memory embedded PostgreSQL when it is not set.
 */
export async function createScratchDatabase(prefix = 'nguon_test'): Promise<ScratchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { databaseUrl: null, dataDir: 'memory://', drop: async () => undefined };

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
