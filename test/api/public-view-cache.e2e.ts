import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, PublicBatchView } from '@nguon/shared';
import { createScratchDatabase, type ScratchDatabase } from '../../server/src/database/scratch-database.js';
import { createBatch, createProducer, createUser, recordStage, type Factory, type Producer } from '../factories/index.js';
import { scanBatch } from '../factories/lots.js';
import { flushScans } from '../support/db.js';
import { httpClient, pathOf } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Two instances on one database need a PostgreSQL server: the embedded one belongs to one process.
const itOnPostgres = process.env.DATABASE_URL ? it : it.skip;

/** The files whose code answers a scan or a consumer view: a statement issued from them is one a request waited for. */
const REQUEST_PATH =
  /scan-routes|resolver-answers|resolver\.service|batch-lookup|public-batch\.service|certificate\.queries|public-batch\.queries/;

/**
 * Records the statements the app's data source runs on behalf of the consumer routes, told apart
 * from background loops (webhooks, flags, count refresh) by the code on their stack.
 */
function watchStatements(t: TestApp): { fromRequests: () => string[]; stop: () => void } {
  const dataSource = t.app.database.dataSource;
  const original = dataSource.createQueryRunner;
  const seen: string[] = [];
  dataSource.createQueryRunner = function (this: typeof dataSource, ...args: Parameters<typeof original>) {
    const runner = original.apply(this, args);
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, ...rest: unknown[]) => {
      if (REQUEST_PATH.test(new Error().stack ?? '')) seen.push(sql);
      return (query as (...all: unknown[]) => unknown)(sql, ...rest);
    }) as typeof runner.query;
    return runner;
  };
  return {
    fromRequests: () => [...seen],
    stop: () => {
      dataSource.createQueryRunner = original;
    },
  };
}

/** Polls until `check` passes; answers how long that took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

describe('the cached consumer view', () => {
  let scratch: ScratchDatabase;
  let t: TestApp;
  let f: Factory;
  let producer: Producer;
  const view = (batchId: string, headers: Record<string, string> = {}) =>
    f.http.get<PublicBatchView>(`/api/public/batches/${batchId}`, { headers });

  beforeAll(async () => {
    // A database of this file's own, so a second instance can share it.
    scratch = await createScratchDatabase();
    t = await startTestApp({ database: scratch });
    f = { http: httpClient(t.baseUrl), testApp: t };
    producer = await createProducer(f, await createUser(f, { role: 'admin' }));
  });
  afterAll(async () => {
    await t?.close();
    await scratch?.drop();
  });

  describe('GET /api/public/batches/{id}', () => {
    let batch: BatchView;
    beforeAll(async () => {
      batch = await createBatch(f, producer.owner, producer.product.id);
    });

    it('has an ETag and a Cache-Control that lets a CDN keep it one second', async () => {
      const response = await view(batch.id);
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toMatch(/^W\/"[\w-]+-\d+"$/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=1');
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    });

    it('answers 304 without a body to the ETag it gave, also among others', async () => {
      const etag = (await view(batch.id)).headers.get('etag')!;
      const again = await view(batch.id, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect((await view(batch.id, { 'if-none-match': `W/"other-1", ${etag}` })).status).toBe(304);
      expect((await view(batch.id, { 'if-none-match': 'W/"other-1"' })).status).toBe(200);
    });

    it('answers 200 with a new ETag once an event, a recall or a scan changed what it shows', async () => {
      const before = (await view(batch.id)).headers.get('etag')!;
      await recordStage(f, producer.owner, batch.id, { stage: 'harvesting' });
      const afterEvent = await view(batch.id, { 'if-none-match': before });
      expect(afterEvent.status).toBe(200);
      expect(afterEvent.body.timeline.map((entry) => entry.stage)).toContain('harvesting');
      const eventTag = afterEvent.headers.get('etag')!;
      expect(eventTag).not.toBe(before);

      await scanBatch(f, batch);
      const afterScan = await view(batch.id, { 'if-none-match': eventTag });
      expect({ status: afterScan.status, scanCount: afterScan.body.scanCount }).toEqual({ status: 200, scanCount: 1 });
      const scanTag = afterScan.headers.get('etag')!;

      const recalled = await f.http.post(
        `/api/batches/${batch.id}/recall`,
        { severity: 'class_ii', reason: 'kiểm tra' },
        { token: producer.owner.token },
      );
      expect(recalled.status).toBe(201);
      const afterRecall = await view(batch.id, { 'if-none-match': scanTag });
      expect({ status: afterRecall.status, batchStatus: afterRecall.body.status }).toEqual({ status: 200, batchStatus: 'recalled' });
      expect(afterRecall.headers.get('etag')).not.toBe(scanTag);
    });
  });

  it('asks the database nothing once warm: the view, a scan as JSON and a scan from a browser', async () => {
    const batch = await createBatch(f, producer.owner, producer.product.id);
    const statements = watchStatements(t);
    try {
      await view(batch.id);
      await scanBatch(f, batch);
      // The watch sees the cold requests' statements: it would see a warm one's.
      expect(statements.fromRequests().length).toBeGreaterThan(0);
      const cold = statements.fromRequests().length;
      for (let n = 0; n < 10; n++) {
        expect((await view(batch.id)).status).toBe(200);
        expect((await f.http.get(pathOf(batch.identityUrl))).status).toBe(200);
        expect((await f.http.get(pathOf(batch.identityUrl), { headers: { accept: 'text/html' } })).status).toBe(307);
      }
      expect(statements.fromRequests().slice(cold)).toEqual([]);
    } finally {
      statements.stop();
    }
  });

  describe('on a second instance', () => {
    let second: TestApp;
    beforeAll(async () => {
      if (process.env.DATABASE_URL) second = await startTestApp({ database: scratch });
    });
    afterAll(async () => second?.close());
    const viewOnSecond = (batchId: string) => httpClient(second.baseUrl).get<PublicBatchView>(`/api/public/batches/${batchId}`);

    itOnPostgres('shows a recall made on the first within a second', async () => {
      const batch = await createBatch(f, producer.owner, producer.product.id);
      expect((await viewOnSecond(batch.id)).body.status).toBe('active');
      const recalled = await f.http.post(
        `/api/batches/${batch.id}/recall`,
        { severity: 'class_i', reason: 'kiểm tra' },
        { token: producer.owner.token },
      );
      expect(recalled.status).toBe(201);
      const ms = await within(1_000, async () => (await viewOnSecond(batch.id)).body.status === 'recalled');
      expect(ms).toBeLessThan(1_000);
    });

    itOnPostgres(
      "shows the first's scans once written, within the count refresh",
      async () => {
        const batch = await createBatch(f, producer.owner, producer.product.id);
        expect((await viewOnSecond(batch.id)).body.scanCount).toBe(0);
        await scanBatch(f, batch, 3);
        await flushScans(t);
        // COUNT_REFRESH_MS (5 s) is how stale another instance's count may be, on top of its flush interval.
        await within(7_000, async () => (await viewOnSecond(batch.id)).body.scanCount === 3);
      },
      15_000,
    );
  });
});
