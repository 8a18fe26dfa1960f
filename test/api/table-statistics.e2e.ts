import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApiKey, createBatch, createProducer, createUser, type Factory } from '../factories/index.js';
import { captureAndWait, epcisDocument, storingEvents } from '../support/capture-jobs.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { until } from '../support/server-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The planner's statistics after long work, with no autovacuum to take them (the embedded
 * database has none, and a PostgreSQL may run without it, as CI's does). Without them the
 * export's and consumer view's joins of a batch's events read every event for each batch.
 */
describe('statistics after a large capture', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('are taken for the events as a whole, the eventIDs and the batches’ links, so plans know their sizes', async () => {
    const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
    const farm = await createProducer(f, await createUser(f, { role: 'admin' }));
    const batch = await createBatch(f, farm.owner, farm.product.id, { lotCode: 'STATS-1' });
    const key = await createApiKey(f, farm.owner, farm.business.id, { scopes: ['capture'] });
    const lot = `https://id.gs1.org/01/${farm.product.gtin!.padStart(14, '0')}/10/${batch.lotCode}`;

    const statistics = () =>
      sql<{ tablename: string; inherited: boolean }>(
        t,
        `SELECT DISTINCT tablename, inherited FROM pg_stats
          WHERE schemaname = 'public' AND tablename IN ('events', 'event_ids', 'event_batches') ORDER BY tablename, inherited`,
      );
    // Nothing known of the (empty) tables the migrations made.
    expect(await statistics()).toEqual([]);

    const captured = await captureAndWait(f.http, epcisDocument(storingEvents(300, () => [lot])), { token: key.token });
    expect(captured.body).toMatchObject({ success: true, capturedCount: 300 });

    // Taken right after the job's transaction, once it is reported done.
    const taken = await until('the statistics taken', async () => {
      const tables = await statistics();
      return tables.length === 3 && tables;
    });
    expect(taken).toEqual([
      { tablename: 'event_batches', inherited: false },
      { tablename: 'event_ids', inherited: false },
      // The partitioned table's own statistics, which the planner uses for joins on it.
      { tablename: 'events', inherited: true },
    ]);
  });
});
