import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchScansView, BatchView } from '@nguon/shared';
import pg from 'pg';
import { createScratchDatabase, type ScratchDatabase } from '../../server/src/database/scratch-database.js';
import { createBatch, createProducer, createUser, type Factory, type Producer } from '../factories/index.js';
import { scanBatch } from '../factories/lots.js';
import { flushScans } from '../support/db.js';
import { getFrom, httpClient, newVisitorAddress, pathOf } from '../support/http.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Scans wait in memory for a minute here: only a flush, a place, a report or the shutdown writes them. */
const HELD = { SCAN_FLUSH_MS: '60000' };

// A refused connection only exists with a PostgreSQL server: the embedded one runs inside the process.
const describeOnPostgres = process.env.DATABASE_URL ? describe : describe.skip;

interface Stored {
  rows: number;
  scan_count: number;
}

/** The batch's scan rows and its count as the database holds them, read without writing the scans held first. */
async function stored(t: TestApp, batchId: string): Promise<Stored> {
  const [row] = await t.app.database.dataSource.query(
    `SELECT (SELECT count(*)::int FROM scans WHERE batch_id = $1) AS rows, scan_count FROM batches WHERE id = $1`,
    [batchId],
  );
  return row;
}

async function producerOn(t: TestApp): Promise<{ f: Factory; producer: Producer }> {
  const f = { http: httpClient(t.baseUrl), testApp: t };
  return { f, producer: await createProducer(f, await createUser(f, { role: 'admin' })) };
}

describe('scans written in batches', () => {
  let t: TestApp;
  let f: Factory;
  let producer: Producer;
  const newBatch = () => createBatch(f, producer.owner, producer.product.id);

  beforeAll(async () => {
    t = await startTestApp({ env: HELD });
    ({ f, producer } = await producerOn(t));
  });
  afterAll(async () => t?.close());

  it('answers each scan at once with its count, writes none until the flush, then every one, counted exactly', async () => {
    const batch = await newBatch();
    expect((await scanBatch(f, batch, 5)).map((view) => view.scanCount)).toEqual([1, 2, 3, 4, 5]);
    expect(await stored(t, batch.id)).toEqual({ rows: 0, scan_count: 0 });
    await flushScans(t);
    expect(await stored(t, batch.id)).toEqual({ rows: 5, scan_count: 5 });

    expect((await scanBatch(f, batch, 2)).map((view) => view.scanCount)).toEqual([6, 7]);
    await Promise.all([flushScans(t), flushScans(t)]);
    await flushScans(t);
    expect(await stored(t, batch.id)).toEqual({ rows: 7, scan_count: 7 });
    expect((await f.http.get(`/api/public/batches/${batch.id}`)).body.scanCount).toBe(7);
  });

  it('writes many batches of scans in one flush, each counted on its own batch', async () => {
    const [a, b] = [await newBatch(), await newBatch()];
    await Promise.all([scanBatch(f, a, 3), scanBatch(f, b, 4)]);
    await flushScans(t);
    expect([await stored(t, a.id), await stored(t, b.id)]).toEqual([
      { rows: 3, scan_count: 3 },
      { rows: 4, scan_count: 4 },
    ]);
  });

  it('writes a scan answered a moment ago before placing it', async () => {
    const batch = await newBatch();
    const [view] = await scanBatch(f, batch);
    const placed = await f.http.post(`/api/public/batches/${batch.id}/scan-place`, {
      scanToken: view!.scanToken,
      latitude: 18.3428,
      longitude: 105.9057,
    });
    expect(placed.status).toBe(204);
    expect(await t.app.database.dataSource.query(`SELECT latitude::text FROM scans WHERE batch_id = $1`, [batch.id])).toEqual([
      { latitude: '18.3' },
    ]);
  });

  it("shows the business this instance's latest scans in the batch's scan report", async () => {
    const batch = await newBatch();
    await scanBatch(f, batch, 3);
    const report = await f.http.get<BatchScansView>(`/api/batches/${batch.id}/scans`, { token: producer.owner.token });
    expect(report.body.total).toBe(3);
  });

  it('keeps scan ids in the order the scans were made', async () => {
    const batch = await newBatch();
    const tokens = (await scanBatch(f, batch, 4)).map((view) => view.scanToken!.split('.')[0]);
    await flushScans(t);
    const rows: { id: string }[] = await t.app.database.dataSource.query(`SELECT id FROM scans WHERE batch_id = $1 ORDER BY id`, [
      batch.id,
    ]);
    expect(rows.map((row) => row.id)).toEqual(tokens);
  });
});

describe('an instance shutting down', () => {
  let scratch: ScratchDatabase | null = null;
  let dataDir: string | null = null;

  beforeAll(async () => {
    // A database that outlives the instance: a scratch PostgreSQL database, or an embedded one in a folder.
    if (process.env.DATABASE_URL) scratch = await createScratchDatabase();
    else dataDir = await mkdtemp(path.join(os.tmpdir(), 'nguon-scans-'));
  });
  afterAll(async () => {
    await scratch?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const start = () => startTestApp({ env: HELD, ...(scratch ? { database: scratch } : { embeddedDataDir: dataDir! }) });

  it('writes the scans it holds before its database closes', async () => {
    const first = await start();
    let batch: BatchView;
    try {
      const { f, producer } = await producerOn(first);
      batch = await createBatch(f, producer.owner, producer.product.id);
      await scanBatch(f, batch, 4);
      expect(await stored(first, batch.id)).toEqual({ rows: 0, scan_count: 0 });
    } finally {
      await first.close();
    }
    const again = await start();
    try {
      expect(await stored(again, batch.id)).toEqual({ rows: 4, scan_count: 4 });
    } finally {
      await again.close();
    }
  });
});

describeOnPostgres('a write of scans the database refuses', () => {
  let scratch: ScratchDatabase;
  let proxy: TcpProxy;
  let t: TestApp;
  let f: Factory;
  let producer: Producer;
  let direct: pg.Client;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const server = new URL(scratch.databaseUrl!);
    proxy = await TcpProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
    t = await startTestApp({
      database: { ...scratch, databaseUrl: proxy.through(scratch.databaseUrl!) },
      env: { ...HELD, DATABASE_CONNECT_TIMEOUT_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '1000' },
    });
    ({ f, producer } = await producerOn(t));
    direct = new pg.Client({ connectionString: scratch.databaseUrl! });
    await direct.connect();
  });
  afterAll(async () => {
    await direct?.end();
    await t?.close();
    await proxy?.close();
    await scratch?.drop();
  });

  it('keeps the scans answered while the database is away, and writes them once it is back', async () => {
    const batch = await createBatch(f, producer.owner, producer.product.id);
    expect((await scanBatch(f, batch, 1))[0]!.scanCount).toBe(1);
    await proxy.set('refuse');
    try {
      // The code is known: a phone is sent on to the page (which explains the outage), its scan counted.
      for (let n = 0; n < 3; n++) {
        expect((await getFrom(t.baseUrl, newVisitorAddress(), pathOf(batch.identityUrl), { accept: 'text/html' })).status).toBe(307);
      }
      await expect(flushScans(t)).rejects.toThrow();
    } finally {
      await proxy.set('pass');
    }
    // The pool's next connection may take a retry or two.
    for (let attempt = 0; ; attempt++) {
      try {
        await flushScans(t);
        break;
      } catch (error) {
        if (attempt > 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    const { rows } = await direct.query(
      `SELECT (SELECT count(*)::int FROM scans WHERE batch_id = $1) AS rows, scan_count FROM batches WHERE id = $1`,
      [batch.id],
    );
    expect(rows[0]).toEqual({ rows: 4, scan_count: 4 });
  });
});
