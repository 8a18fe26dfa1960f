import { mkdirSync, openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { SessionTurns } from './session-turns.js';

export interface EmbeddedPostgres {
  pglite: PGlite;
  /** Who has its one session now, and the long work that other transactions wait for. */
  turns: SessionTurns;
  close(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Folders this process has open: its own pid in a lock file cannot tell them apart from a stale lock. */
const openHere = new Set<string>();

/**
 * PGlite would let two processes open the same folder and corrupt it, so the folder is locked
 * with a pid file; a lock left by a process that died (kill -9) is taken over. A lock with this
 * process's own pid is stale too (a restarted container is pid 1 again), unless it is open here.
 */
function lockDataDir(dataDir: string): () => void {
  const folder = path.resolve(dataDir);
  if (openHere.has(folder)) {
    throw new Error(`The embedded database in ${dataDir} is in use by this process (${process.pid}); close it first.`);
  }
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'nguon.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      openHere.add(folder);
      return () => {
        openHere.delete(folder);
        rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
        throw new Error(`The embedded database in ${dataDir} is in use by process ${owner}; stop it first.`, { cause: error });
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/** Opens the in-process PostgreSQL: in memory for `memory://`, else in a locked folder. */
export async function openEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const inMemory = dataDir.startsWith('memory://');
  const unlock = inMemory ? () => undefined : lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(inMemory ? undefined : path.join(dataDir, 'pg'), {
      extensions: { pg_trgm, unaccent },
    });
    return {
      pglite,
      turns: new SessionTurns(),
      async close() {
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}
