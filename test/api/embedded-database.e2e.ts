import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BusinessView } from '@nguon/shared';
import { loadConfig } from '../../server/src/config/app-config.js';
import { openDatabase, type Database } from '../../server/src/database/data-source.js';
import { LongWork } from '../../server/src/database/long-work.js';
import { PageReads } from '../../server/src/database/page-reads.js';
import type { EntityManager } from 'typeorm';
import { createBusiness, createUser, type Factory } from '../factories/index.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The embedded PostgreSQL kept in a folder (what `npm start` uses without DATABASE_URL). These
 * tests open it in their own temporary folder, so they run the same with DATABASE_URL set.
 */
describe('the embedded database in a folder', () => {
  let dataDir: string;
  const open: TestApp[] = [];

  const start = async () => {
    const t = await startTestApp({ embeddedDataDir: dataDir });
    open.push(t);
    return { t, f: { http: httpClient(t.baseUrl), testApp: t } satisfies Factory };
  };
  const stop = async (t: TestApp) => {
    open.splice(open.indexOf(t), 1);
    await t.close();
  };

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'nguon-embedded-'));
  });
  afterAll(async () => {
    for (const t of open.splice(0)) await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps what was written across a restart', async () => {
    const first = await start();
    expect((await first.f.http.get('/api/health')).body).toEqual({ status: 'ok', database: 'embedded' });
    const owner = await createUser(first.f);
    const business = await createBusiness(first.f, owner, { legalName: 'Hợp tác xã Bưởi Phúc Trạch' });
    await stop(first.t);
    expect(existsSync(path.join(dataDir, 'nguon.lock'))).toBe(false);

    const second = await start();
    // The owner's sign-in survives the restart too (sessions are in the database).
    const read = await second.f.http.get<BusinessView>(`/api/businesses/${business.id}`, { token: owner.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(business);
    const login = await second.f.http.post('/api/auth/login', { email: owner.email, password: owner.password });
    expect(login.status).toBe(200);
    expect(login.body.user.memberships).toEqual([
      { businessId: business.id, businessName: 'Hợp tác xã Bưởi Phúc Trạch', businessStatus: 'pending', role: 'owner' },
    ]);
    // The migrations already ran: reopening applied nothing twice.
    const migrations = await second.t.app.database.dataSource.query('SELECT name FROM migrations');
    expect(new Set(migrations.map((m: { name: string }) => m.name)).size).toBe(migrations.length);
    await stop(second.t);
    // Two embedded databases opened one after the other, the first made from nothing (every
    // migration): over 30 s on a loaded two-core CI machine.
  }, 90_000);

  it('refuses a second app on the same folder while the first runs, saying why', async () => {
    const first = await start();
    const second = await startTestApp({ embeddedDataDir: dataDir }).catch((error: Error) => error);
    if (!(second instanceof Error)) await second.close();
    expect(second).toBeInstanceOf(Error);
    expect((second as Error).message).toMatch(/in use/);
    // The first app is untouched by the attempt and still answers.
    expect((await first.f.http.get('/api/health')).status).toBe(200);
    expect(readFileSync(path.join(dataDir, 'nguon.lock'), 'utf8')).toBe(String(process.pid));
    await stop(first.t);
  });

  describe('its lock file', () => {
    let other: ChildProcess;

    beforeAll(() => {
      other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    });
    afterAll(() => {
      other.kill();
    });

    it('refuses the folder while another running process holds it, naming that process', async () => {
      writeFileSync(path.join(dataDir, 'nguon.lock'), String(other.pid));
      await expect(startTestApp({ embeddedDataDir: dataDir })).rejects.toThrow(new RegExp(`in use by process ${other.pid}`));
      // Refusing did not take the lock away from its holder.
      expect(readFileSync(path.join(dataDir, 'nguon.lock'), 'utf8')).toBe(String(other.pid));
      rmSync(path.join(dataDir, 'nguon.lock'));
    });

    it('takes over a lock left by a process that died (kill -9), keeping the data', async () => {
      const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
      await new Promise((resolve) => dead.once('exit', resolve));
      writeFileSync(path.join(dataDir, 'nguon.lock'), String(dead.pid));
      const { t } = await start();
      const [row] = await t.app.database.dataSource.query(`SELECT count(*)::int AS n FROM businesses WHERE legal_name LIKE '%Phúc Trạch%'`);
      expect(row.n).toBe(1);
      await stop(t);
    });
  });
});

/**
 * Long work (a job's run) on the embedded database's one session: it commits step by step, a
 * shopper's single statement or page of reads goes between two steps, and another transaction
 * waits until the work ends, so that nothing changes under it (decision record 0027).
 */
describe('long work on the embedded database', () => {
  let database: Database;

  /**
   * Holds the session in the transaction `open` starts, from its first statement until `release`;
   * resolves once it holds it, with the transaction's end.
   */
  async function holdingSession(
    open: (work: (manager: EntityManager) => Promise<void>) => Promise<unknown>,
  ): Promise<{ release: () => void; ended: Promise<unknown> }> {
    let release!: () => void;
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const ended = open(async (manager) => {
      await manager.query(`SELECT 1`);
      holding();
      await released;
    });
    await held;
    return { release, ended };
  }
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    database = await openDatabase({ ...loadConfig({}), databaseUrl: null, dataDir: 'memory://' });
  });
  afterAll(() => database?.close());

  it('lets single statements through between its steps and holds other transactions until it ends', async () => {
    const db = database.dataSource;
    const longWork = new LongWork(database.embedded!.turns);
    expect(longWork.stepsCommit).toBe(true);
    await db.query(`CREATE TABLE work_steps (n serial PRIMARY KEY, what text NOT NULL)`);
    const order: string[] = [];
    // Another request's transaction, asked once the first step is written (outside the work).
    let firstStepWritten!: () => void;
    const otherTransaction = new Promise<void>((resolve) => (firstStepWritten = resolve)).then(() =>
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO work_steps (what) VALUES ('other transaction')`);
        order.push('other transaction');
      }),
    );
    await longWork.run(db, async (step) => {
      await step((tx) => tx.query(`INSERT INTO work_steps (what) VALUES ('first step')`));
      firstStepWritten();
      // Asked before the read and the second step, the other transaction still waits for the work to end.
      await new Promise((resolve) => setTimeout(resolve, 20));
      // The first step is committed: a statement from outside sees it, while the work goes on.
      const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM work_steps`);
      order.push(`read ${count}`);
      await step((tx) => tx.query(`INSERT INTO work_steps (what) VALUES ('second step')`));
      order.push('second step');
    });
    await otherTransaction;
    expect(order).toEqual(['read 1', 'second step', 'other transaction']);
    const rows = await db.query(`SELECT what FROM work_steps ORDER BY n`);
    expect(rows.map((r: { what: string }) => r.what)).toEqual(['first step', 'second step', 'other transaction']);
  });

  it("lets a page's reads in between its steps, as one read-only transaction, and refuses them any write", async () => {
    const db = database.dataSource;
    const longWork = new LongWork(database.embedded!.turns);
    const pageReads = new PageReads(db, database.embedded!.turns);
    await db.query(`CREATE TABLE page_steps (n serial PRIMARY KEY, what text NOT NULL)`);
    const order: string[] = [];
    // A shopper's page, asked once the first step is written (outside the work).
    let firstStepWritten!: () => void;
    const page = new Promise<void>((resolve) => (firstStepWritten = resolve)).then(() =>
      pageReads.run(async (manager) => {
        const [{ count }] = await manager.query(`SELECT count(*)::int AS count FROM page_steps`);
        await new Promise((resolve) => setTimeout(resolve, 10));
        const [{ again }] = await manager.query(`SELECT count(*)::int AS again FROM page_steps`);
        order.push(`page read ${count} then ${again}`);
      }),
    );
    await longWork.run(db, async (step) => {
      await step((tx) => tx.query(`INSERT INTO page_steps (what) VALUES ('first step')`));
      firstStepWritten();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await step((tx) => tx.query(`INSERT INTO page_steps (what) VALUES ('second step')`));
      order.push('second step');
    });
    await page;
    // Held until the work ended, it would have read 2: it went between the steps, and the second waited for its last read.
    expect(order).toEqual(['page read 1 then 1', 'second step']);
    // Nothing can be written through it: it could otherwise change what the work had checked.
    await expect(pageReads.run((manager) => manager.query(`INSERT INTO page_steps (what) VALUES ('page')`))).rejects.toThrow(
      /read-only transaction/,
    );
    // Reads that failed have let go of the session: a transaction from outside runs.
    await db.transaction((tx) => tx.query(`INSERT INTO page_steps (what) VALUES ('after')`));
    const rows = await db.query(`SELECT what FROM page_steps ORDER BY n`);
    expect(rows.map((r: { what: string }) => r.what)).toEqual(['first step', 'second step', 'after']);
  });

  it("lets a page's statements go before an export's reads, each following the last", async () => {
    const db = database.dataSource;
    const longWork = new LongWork(database.embedded!.turns);
    const order: string[] = [];
    // A transaction holds the session while a page's first statement and an export's read queue up.
    const transaction = await holdingSession((work) => db.transaction(work));
    const page = (async () => {
      await db.query(`SELECT 'first'`);
      order.push('page, first statement');
      await db.query(`SELECT 'second'`);
      order.push('page, second statement');
    })();
    await pause(5);
    const exportRead = longWork.background(async () => {
      await db.query(`SELECT 'export'`);
      order.push('export read');
    });
    await pause(5);
    transaction.release();
    await Promise.all([transaction.ended, page, exportRead]);
    // Taken in the order asked, the export's read would have gone between the page's two statements.
    expect(order).toEqual(['page, first statement', 'page, second statement', 'export read']);
  });

  it("lets an export's reads go before the long work's next step", async () => {
    const db = database.dataSource;
    const longWork = new LongWork(database.embedded!.turns);
    const pageReads = new PageReads(db, database.embedded!.turns);
    await db.query(`CREATE TABLE tier_steps (what text NOT NULL)`);
    const order: string[] = [];
    await longWork.run(db, async (step) => {
      await step((tx) => tx.query(`INSERT INTO tier_steps VALUES ('first step')`));
      // A page's reads hold the session while the next step, then an export's read, are asked.
      const page = await holdingSession((work) => pageReads.run(work));
      const next = step((tx) => tx.query(`INSERT INTO tier_steps VALUES ('second step')`)).then(() => order.push('second step'));
      await pause(5);
      const exportRead = longWork.background(() => db.query(`SELECT count(*) FROM tier_steps`)).then(() => order.push('export read'));
      await pause(5);
      page.release();
      await Promise.all([page.ended, next, exportRead]);
    });
    expect(order).toEqual(['export read', 'second step']);
  });

  it('keeps the steps already committed when a later one fails', async () => {
    const db = database.dataSource;
    const longWork = new LongWork(database.embedded!.turns);
    await db.query(`CREATE TABLE kept_steps (what text NOT NULL)`);
    await expect(
      longWork.run(db, async (step) => {
        await step((tx) => tx.query(`INSERT INTO kept_steps VALUES ('first')`));
        await step(async (tx) => {
          await tx.query(`INSERT INTO kept_steps VALUES ('second')`);
          throw new Error('the second step fails');
        });
      }),
    ).rejects.toThrow('the second step fails');
    expect(await db.query(`SELECT what FROM kept_steps`)).toEqual([{ what: 'first' }]);
    // The session is free again: a transaction from outside runs.
    await db.transaction((tx) => tx.query(`INSERT INTO kept_steps VALUES ('after')`));
    expect(await db.query(`SELECT count(*)::int AS n FROM kept_steps`)).toEqual([{ n: 2 }]);
  });
});
