import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocationView, PublicBatchView } from '@nguon/shared';
import pg from 'pg';
import { allowLongStatements } from '../../server/src/database/postgres-connection.js';
import { createScratchDatabase, type ScratchDatabase } from '../../server/src/database/scratch-database.js';
import { createBatch, createProducer, createUser, type Factory, type Producer } from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { httpClient, type HttpResponse } from '../support/http.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A lost connection and a cut network only exist with a PostgreSQL server: the embedded one runs inside the process.
const describeOnPostgres = process.env.DATABASE_URL ? describe : describe.skip;

/** Polls until `check` passes (or throws its last failure after `ms`). */
async function eventually(check: () => Promise<void>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

function expectUnavailable(response: HttpResponse): void {
  expectApiError(response, 503, 'DATABASE_UNAVAILABLE');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
}

/**
 * The instance under test reaches PostgreSQL through a TCP proxy the test controls; a second
 * instance on the same database reaches it directly, and so does the test's own connection (the
 * operator, or a change made behind the instances' backs).
 */
describeOnPostgres('a database outage', () => {
  let scratch: ScratchDatabase;
  let proxy: TcpProxy;
  let t: TestApp;
  let f: Factory;
  let second: TestApp;
  let direct: pg.Client;
  let producer: Producer;

  const status = async (batchId: string) => {
    const response = await f.http.get<PublicBatchView>(`/api/public/batches/${batchId}`);
    expect(response.status).toBe(200);
    return response.body.status;
  };
  /** The backends listening for batch changes for the instance under test (its connections come through the proxy). */
  const listenPids = async () =>
    (
      await direct.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND client_port = ANY($1)`,
        [proxy.upstreamPorts()],
      )
    ).rows.map((r) => r.pid);
  /** Runs `during` while a transaction of the test's own holds every row of `table` out of reach. */
  const whileLocked = async (table: 'batches' | 'locations', during: () => Promise<void>) => {
    await direct.query('BEGIN');
    try {
      await direct.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      await during();
    } finally {
      await direct.query('ROLLBACK');
    }
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const server = new URL(scratch.databaseUrl!);
    proxy = await TcpProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
    t = await startTestApp({
      web: true,
      database: { ...scratch, databaseUrl: proxy.through(scratch.databaseUrl!) },
      env: { DATABASE_CONNECT_TIMEOUT_MS: '1000', DATABASE_STATEMENT_TIMEOUT_MS: '1000' },
    });
    f = { http: httpClient(t.baseUrl), testApp: t };
    second = await startTestApp({ database: scratch, env: { REQUEST_TIMEOUT_MS: '500', DATABASE_STATEMENT_TIMEOUT_MS: '10000' } });
    direct = new pg.Client({ connectionString: scratch.databaseUrl! });
    await direct.connect();
    const admin = await createUser(f, { role: 'admin' });
    producer = await createProducer(f, admin);
  });

  afterAll(async () => {
    await direct?.end();
    await second?.close();
    await t?.close();
    await proxy?.close();
    await scratch?.drop();
  });

  describe('the connection that listens for batch changes is terminated', () => {
    it('keeps serving, listens again, and serves no page it could not keep fresh', async () => {
      const batch = await createBatch(f, producer.owner, producer.product.id);
      expect(await status(batch.id)).toBe('active');
      // Changed by another instance while this one is deaf: its notice is lost.
      await direct.query(`UPDATE batches SET status = 'on_hold' WHERE id = $1`, [batch.id]);
      expect(await status(batch.id)).toBe('active'); // the cached page

      const [listening] = await listenPids();
      expect(listening).toEqual(expect.any(Number));
      await direct.query(`SELECT pg_terminate_backend($1)`, [listening]);

      expect((await f.http.get('/api/health')).status).toBe(200);
      await eventually(async () => expect((await listenPids()).filter((pid) => pid !== listening)).toHaveLength(1));
      expect(await status(batch.id)).toBe('on_hold');

      // After the reconnect, the other instance's news reaches this one again.
      const recalled = await httpClient(second.baseUrl).post(
        `/api/batches/${batch.id}/recall`,
        { severity: 'class_ii', reason: 'kiểm tra' },
        { token: producer.owner.token },
      );
      expect(recalled.status).toBe(201);
      await eventually(async () => expect(await status(batch.id)).toBe('recalled'), 2_000);
    });
  });

  describe('PostgreSQL cannot be reached', () => {
    it('answers 503 in the error shape at once while connections are refused, and serves again when they are not', async () => {
      const batch = await createBatch(f, producer.owner, producer.product.id);
      await proxy.set('refuse');
      try {
        const health = await timed(() => f.http.get('/api/health'));
        expectUnavailable(health.result);
        expect(health.ms).toBeLessThan(1_000);
        expectUnavailable(await f.http.get(`/api/public/batches/${batch.id}`));
        expectUnavailable(await f.http.post('/api/auth/login', { email: producer.owner.email, password: producer.owner.password }));
        expectUnavailable(await f.http.get(`/api/batches/${batch.id}`, { token: producer.owner.token }));
        // A shopper scanning the code meanwhile gets the web app (which explains and can retry), not JSON.
        const scanned = await f.http.get(new URL(batch.identityUrl).pathname, { headers: { accept: 'text/html' } });
        expect(scanned.status).toBe(503);
        expect(scanned.headers.get('content-type')).toMatch(/^text\/html/);
        expect(Number(scanned.headers.get('retry-after'))).toBeGreaterThan(0);
        // Its page, which the server renders when it can, is the web app with 503 too.
        const page = await f.http.get(`/batches/${batch.id}`, { headers: { accept: 'text/html' } });
        expect(page.status).toBe(503);
        expect(page.headers.get('content-type')).toMatch(/^text\/html/);
        expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
      } finally {
        await proxy.set('pass');
      }
      await eventually(async () => expect((await f.http.get('/api/health')).status).toBe(200));
      expect(await status(batch.id)).toBe('active');
      expect((await f.http.post('/api/auth/login', { email: producer.owner.email, password: producer.owner.password })).status).toBe(200);
      // The listener is back too (its retries back off, so this may take a few seconds).
      await eventually(async () => expect(await listenPids()).toHaveLength(1), 10_000);
    });

    it('answers 503 when a statement runs past the statement timeout', async () => {
      const batch = await createBatch(f, producer.owner, producer.product.id);
      await whileLocked('batches', async () => {
        const view = await timed(() => f.http.get(`/api/public/batches/${batch.id}`));
        expectUnavailable(view.result);
        expect(view.ms).toBeGreaterThanOrEqual(900);
        expect(view.ms).toBeLessThan(2_500);
      });
      expect(await status(batch.id)).toBe('active');
    });

    it('answers 503 within 2 s while the network swallows everything, and serves again when it passes', async () => {
      const batch = await createBatch(f, producer.owner, producer.product.id);
      await proxy.set('black-hole');
      try {
        const health = await timed(() => f.http.get('/api/health'));
        expectUnavailable(health.result);
        expect(health.ms).toBeLessThan(2_000);
        // A request waits no longer than the statement timeout and a margin, not for ever.
        const view = await timed(() => f.http.get(`/api/public/batches/${batch.id}`));
        expectUnavailable(view.result);
        expect(view.ms).toBeLessThan(4_000);
      } finally {
        await proxy.set('pass');
      }
      await eventually(async () => expect((await f.http.get('/api/health')).status).toBe(200));
      expect(await status(batch.id)).toBe('active');
    });
  });

  describe('a request that takes too long', () => {
    it('is answered 503 at the request timeout, and the instance serves on', async () => {
      const batch = await createBatch(f, producer.owner, producer.product.id);
      const other = httpClient(second.baseUrl);
      await whileLocked('batches', async () => {
        const view = await timed(() => other.get(`/api/public/batches/${batch.id}`));
        expectApiError(view.result, 503, 'REQUEST_TIMED_OUT');
        expect(Number(view.result.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(view.ms).toBeLessThan(1_500);
      });
      expect((await other.get(`/api/public/batches/${batch.id}`)).status).toBe(200);
    });

    it('keeps the answer of a write that finished after its 503, so the retry with its Idempotency-Key records once', async () => {
      const other = httpClient(second.baseUrl);
      const name = `Kho ${randomUUID()}`;
      const add = () =>
        other.post<LocationView>(
          `/api/businesses/${producer.business.id}/locations`,
          { kind: 'warehouse', name, address: 'Thôn 1', province: 'Hà Tĩnh' },
          {
            token: producer.owner.token,
            headers: { 'idempotency-key': `retry-${name.slice(4)}` },
          },
        );
      await whileLocked('locations', async () => {
        expectApiError(await add(), 503, 'REQUEST_TIMED_OUT');
      });
      await eventually(async () => {
        const retry = await add();
        expect({ status: retry.status, replayed: retry.headers.get('idempotent-replayed') }).toEqual({ status: 201, replayed: 'true' });
      });
      const { rows } = await direct.query('SELECT count(*)::int AS n FROM locations WHERE name = $1', [name]);
      expect(rows[0].n).toBe(1);
    });
  });

  describe('a statement allowed to run long', () => {
    it('runs past the statement and read timeouts in its own transaction only', async () => {
      const db = t.app.database.dataSource;
      // 3.2 s: past the statement timeout (1 s) and the client's read timeout (3 s) this instance has.
      const slept = await db.transaction(async (tx) => {
        await allowLongStatements(tx, 10_000);
        return tx.query(`SELECT true AS slept FROM pg_sleep(3.2)`);
      });
      expect(slept).toEqual([{ slept: true }]);
      await expect(db.query(`SELECT pg_sleep(1.5)`)).rejects.toMatchObject({ driverError: { code: '57014' } });
    });
  });

  describe("the app's connections", () => {
    it('plan without JIT compiling, which costs a short statement with a high estimate hundreds of milliseconds', async () => {
      expect(await t.app.database.dataSource.query('SHOW jit')).toEqual([{ jit: 'off' }]);
    });
  });

  describe('a transaction left idle', () => {
    it('is ended by PostgreSQL after the idle-in-transaction timeout, so it holds no locks, and the instance serves on', async () => {
      const idle = await startTestApp({ database: scratch, env: { DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '500' } });
      try {
        const db = idle.app.database.dataSource;
        expect(await db.query('SHOW idle_in_transaction_session_timeout')).toEqual([{ idle_in_transaction_session_timeout: '500ms' }]);
        const runner = db.createQueryRunner();
        await runner.startTransaction();
        const [{ pid }] = (await runner.query('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
        // Nothing happens in it for longer than the timeout: a bug, or a client that walked away.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        const left = await direct.query('SELECT state FROM pg_stat_activity WHERE pid = $1', [pid]);
        expect(left.rows).toEqual([]);
        await expect(runner.query('SELECT 1')).rejects.toThrow();
        await runner.release().catch(() => undefined);
        expect((await httpClient(idle.baseUrl).get('/api/health')).status).toBe(200);
      } finally {
        await idle.close();
      }
    });
  });
});
