import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REPORT_CATEGORY_NAMES, type PublicBatchView } from '@nguon/shared';
import pg from 'pg';
import {
  createApiKey,
  createBatch,
  createProducer,
  createProduct,
  createUser,
  recordProcessing,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { exportEvents } from '../factories/exports.js';
import { finishedCaptureJob, epcisDocument, storingEvents, type CaptureJob } from '../support/capture-jobs.js';
import { countRows, sql } from '../support/db.js';
import { httpClient, type HttpClient } from '../support/http.js';
import { appsOnOneDatabase, killed, spawnServer, until, type SharedDatabase } from '../support/server-process.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import type { TestApp } from '../support/test-app.js';

/**
 * A streaming replica of the PostgreSQL server the tests use (CI starts one: `.ci/run`), e.g.
 * postgres://postgres@127.0.0.1:5433. The suite needs both; without them it is skipped.
 */
const REPLICA_SERVER = process.env.TEST_REPLICA_SERVER;
const suite = process.env.DATABASE_URL && REPLICA_SERVER ? describe : describe.skip;

/** The same database on the replica's server. */
function onReplica(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const replica = new URL(REPLICA_SERVER!);
  url.host = replica.host;
  url.username = replica.username;
  url.password = replica.password;
  return url.toString();
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

suite('instances on a primary and its streaming replica', () => {
  const apps = appsOnOneDatabase('nguon-replicas-');
  let db: SharedDatabase;
  let replica: pg.Client;
  /** Between the instances and the replica: `refuse` is the replica gone, as far as they can tell. */
  let proxy: TcpProxy;
  /** In this process (the factories use it), on the primary; B and C run the built server in processes of their own, with the replica. */
  let a: TestApp;
  let b: Awaited<ReturnType<typeof spawnServer>>;
  let f: Factory;
  let onB: HttpClient;
  let admin: TestUser;
  let inspector: TestUser;
  let farm: Producer;
  const env = () => ({
    DATABASE_REPLICA_URLS: proxy.through(onReplica(db.databaseUrl!)),
    JOB_STALE_SECONDS: '2',
    JOB_SWEEP_SECONDS: '1',
    REPORT_RATE_LIMIT: '4',
  });

  /** Connections the instances hold to the replica's copy of the database: they read there. */
  const readersOnReplica = async () => {
    const { rows } = await replica.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'nguon'`,
    );
    return rows[0]!.n;
  };
  const consumerView = async (client: HttpClient, batchId: string) => {
    const response = await client.get<PublicBatchView>(`/api/public/batches/${batchId}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    db = await apps.database();
    const replicaUrl = new URL(onReplica(db.databaseUrl!));
    proxy = await TcpProxy.start({ host: replicaUrl.hostname, port: Number(replicaUrl.port || 5432) });
    // A reads from the primary alone, so the replica's readers are B's (and C's).
    a = await apps.start(db, { REPORT_RATE_LIMIT: '4' });
    f = { http: httpClient(a.baseUrl), testApp: a };
    // The replica has the database (and its migrations) once it has replayed them.
    replica = new pg.Client({ connectionString: replicaUrl.toString() });
    await until('the replica to have the database', () =>
      replica.connect().then(
        () => true,
        () => {
          replica = new pg.Client({ connectionString: replicaUrl.toString() });
          return false;
        },
      ),
    );
    b = await spawnServer(db, env());
    onB = httpClient(b.baseUrl);
    admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    farm = await createProducer(f, admin);
  }, 90_000);

  afterAll(async () => {
    await replica?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    await replica?.end().catch(() => undefined);
    if (b) await killed(b.child);
    await apps.close();
    await proxy?.close();
  });

  it('shows on B what was written through A, and B reads it from the replica', async () => {
    const batch = await createBatch(f, farm.owner, farm.product.id, { lotCode: 'REPLICA-1' });
    expect((await consumerView(onB, batch.id)).lotCode).toBe('REPLICA-1');
    const search = await onB.get<{ items: { id: string }[] }>('/api/search/batches?q=REPLICA-1', { token: inspector.token });
    expect(search.body.items.map((item) => item.id)).toEqual([batch.id]);
    await until('B to read from the replica', async () => (await readersOnReplica()) > 0, 10_000);
  });

  it('shows a recall made on A on B within a second, never the batch as before, while the replica lags behind', async () => {
    const honey = await createBatch(f, farm.owner, farm.product.id, { lotCode: 'RECALL-SRC' });
    const mead = await createProduct(f, farm.owner, farm.business.id);
    const drink = await createBatch(f, farm.owner, mead.id, { lotCode: 'RECALL-MADE' });
    await recordProcessing(f, farm.owner, { inputs: [{ batchId: honey.id, quantity: 5, unit: 'KGM' }], outputs: [{ batchId: drink.id }] });
    // Both pages read (and kept) on B; then the replica stops replaying, as a replica far behind does.
    await until('B to show the drink made from the honey', async () => (await consumerView(onB, drink.id)).sources.length === 1);
    expect((await consumerView(onB, honey.id)).recall).toBeNull();
    await replica.query('SELECT pg_wal_replay_pause()');
    await until('the replay to pause', async () => {
      const { rows } = await replica.query<{ state: string }>('SELECT pg_get_wal_replay_pause_state() AS state');
      return rows[0]!.state === 'paused';
    });

    const recall = await f.http.post(
      `/api/batches/${honey.id}/recall`,
      { severity: 'class_i', reason: 'Nhiễm khuẩn' },
      { token: inspector.token },
    );
    expect(recall.status).toBe(201);
    const recalledAt = Date.now();
    await until('B to show the recall', async () => (await consumerView(onB, honey.id)).recall !== null, 1_000);
    const shownAfter = Date.now() - recalledAt;
    expect(shownAfter).toBeLessThan(1_000);
    // From then on, every answer shows it: the honey's own page and the drink made from it, while the replica holds the state before.
    const seen: boolean[] = [];
    for (let n = 0; n < 20; n++) {
      seen.push((await consumerView(onB, honey.id)).recall !== null, (await consumerView(onB, drink.id)).recall !== null);
      await pause(50);
    }
    const [onReplicaBefore] = (await replica.query<{ status: string }>('SELECT status FROM batches WHERE id = $1', [honey.id])).rows;
    expect(onReplicaBefore!.status).not.toBe('recalled');
    await replica.query('SELECT pg_wal_replay_resume()');
    for (let n = 0; n < 20; n++) {
      seen.push((await consumerView(onB, honey.id)).recall !== null, (await consumerView(onB, drink.id)).recall !== null);
      await pause(50);
    }
    expect(seen.every(Boolean)).toBe(true);
    expect((await consumerView(onB, drink.id)).recall).toMatchObject({ source: { id: honey.id } });
  }, 60_000);

  it('holds a rate limit across both instances: what one counted counts on the other', async () => {
    const batch = await createBatch(f, farm.owner, farm.product.id, { lotCode: 'LIMITED' });
    const report = async (client: HttpClient) =>
      (await client.post(`/api/public/batches/${batch.id}/reports`, { category: REPORT_CATEGORY_NAMES[0], message: 'Bao bì bị rách' }))
        .status;
    for (let n = 0; n < 3; n++) expect(await report(f.http)).toBe(201);
    await until('A to share its count', async () => {
      const [row] = await sql<{ hits: number }>(a, `SELECT sum(hits)::int AS hits FROM rate_limit_hits WHERE key LIKE 'report:%'`);
      return (row?.hits ?? 0) >= 3;
    });
    await pause(1_000); // B's next sharing reads it back
    expect(await report(onB)).toBe(201);
    expect(await report(onB)).toBe(429);
  });

  it('finishes on B a capture job started on C, after C is killed with kill -9', async () => {
    await createBatch(f, farm.owner, farm.product.id, { lotCode: 'KILLED-ON-C' });
    const key = await createApiKey(f, farm.owner, farm.business.id, { scopes: ['capture', 'read'] });
    const c = await spawnServer(db, env());
    const lot = `https://id.gs1.org/01/${farm.product.gtin!.padStart(14, '0')}/10/KILLED-ON-C`;
    const accepted = await httpClient(c.baseUrl).post('/epcis/capture', epcisDocument(storingEvents(5_000, () => [lot])), {
      token: key.token,
      headers: { 'content-type': 'application/ld+json' },
    });
    expect(accepted.status).toBe(202);
    const jobId: string = accepted.body.captureID;
    await until('C to have started the job', async () => {
      const job = await httpClient(c.baseUrl).get<CaptureJob>(`/epcis/capture/${jobId}`, { token: key.token });
      return job.status === 200 && job.body.running && job.body.processedCount > 0;
    });
    await killed(c.child);
    const job = await finishedCaptureJob(onB, jobId, key.token, 120_000);
    expect(job).toMatchObject({ success: true, capturedCount: 5_000 });
    expect(await countRows(a, 'events', 'business_id = $1', [farm.business.id])).toBeGreaterThan(5_000);
    // B answers the integrator's query for them (from the replica once it has them, else the primary).
    const events = await onB.get<{ epcisBody: { queryResults: { resultsBody: { eventList: unknown[] } } } }>(
      `/epcis/events?MATCH_anyEPCClass=${encodeURIComponent(lot)}&perPage=1000`,
      { token: key.token },
    );
    expect(events.status).toBe(200);
    expect(events.body.epcisBody.queryResults.resultsBody.eventList).toHaveLength(1_000);
  }, 180_000);

  it('reads from the primary while the replica is away, and fails nothing; back on the replica once it answers', async () => {
    await proxy.set('refuse');
    const batch = await createBatch(f, farm.owner, farm.product.id, { lotCode: 'NO-REPLICA' });
    expect((await consumerView(onB, batch.id)).lotCode).toBe('NO-REPLICA');
    const recall = await f.http.post(
      `/api/batches/${batch.id}/recall`,
      { severity: 'class_ii', reason: 'Sai nhãn' },
      { token: inspector.token },
    );
    expect(recall.status).toBe(201);
    await until('B to show the recall', async () => (await consumerView(onB, batch.id)).recall !== null, 1_000);
    for (const path of ['/api/search/batches?q=NO-REPLICA', `/api/batches/${batch.id}/trace?direction=both&depth=3`]) {
      const response = await onB.get(path, { token: inspector.token });
      expect([path, response.status]).toEqual([path, 200]);
    }
    const exported = await exportEvents({ http: onB, testApp: { baseUrl: b.baseUrl } as TestApp }, inspector, 'csv', {
      kind: 'trace',
      batchId: batch.id,
      direction: 'forward',
    });
    expect(exported.status).toBe(200);
    expect(await readersOnReplica()).toBe(0);

    await proxy.set('pass');
    await until(
      'B to read from the replica again',
      async () => {
        await onB.get('/api/search/batches?q=NO-REPLICA', { token: inspector.token });
        return (await readersOnReplica()) > 0;
      },
      40_000,
    );
  }, 60_000);
});
