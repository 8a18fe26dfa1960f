import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { IMPORT_MAX_ROWS, type ImportJobView } from '@nguon/shared';
import pg from 'pg';
import { ImportJobRunner } from '../../server/src/imports/import-job-runner.js';
import { createBatch, createProducer, createUser, type Factory, type Producer } from '../factories/index.js';
import { finishedImport, importCsv, uploadImport } from '../factories/imports.js';
import { countRows, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { appsOnOneDatabase, killed, spawnServer, until } from '../support/server-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** What a job whose runs kept dying says, after the last allowed one (IMPORT_JOB_ATTEMPTS, 3). */
const STOPPED_EN =
  'The import stopped part-way 3 times (the server running it stopped or failed); no row was stored. Import the file again.';
const onPostgres = Boolean(process.env.DATABASE_URL);

/** A batch file of `count` new lots, all named `prefix`…, for the farm's product. */
const lotsFile = (farm: Producer, prefix: string, count: number) =>
  importCsv(
    ['product', 'lot_code', 'production_date'],
    Array.from({ length: count }, (_, n) => [farm.product.gtin!, `${prefix}${n}`, '01/10/2026']),
  );

describe('import jobs whose worker is gone', () => {
  describe('killed with kill -9 in the middle of a run', () => {
    const apps = appsOnOneDatabase('nguon-kill-');
    afterAll(() => apps.close());

    it('is taken over by the next worker and finishes: every row stored once', async () => {
      const db = await apps.database();
      // The data an import needs, made by an app that then stops.
      const setup = await apps.start(db);
      const f: Factory = { http: httpClient(setup.baseUrl), testApp: setup };
      const farm = await createProducer(f, await createUser(f, { role: 'admin' }));
      await apps.stop(setup);

      // The largest file an import takes: its run lasts long enough for the kill to land in its middle.
      const server = await spawnServer(db);
      const upload = await uploadImport(server.baseUrl, farm.owner, farm.business.id, 'batches', lotsFile(farm, 'KILL', IMPORT_MAX_ROWS));
      expect(upload.status).toBe(202);
      const jobId = (upload.body as ImportJobView).id;
      if (db.databaseUrl) {
        // Killed once the run has written rows in its transaction (its progress says how many).
        const client = new pg.Client({ connectionString: db.databaseUrl });
        await client.connect();
        await until(
          'rows written',
          async () => (await client.query('SELECT processed_rows FROM import_jobs WHERE id = $1', [jobId])).rows[0]?.processed_rows > 0,
          60_000,
        );
        await client.end();
      } else {
        // The embedded database is the server's own: its progress is read from the server, between the
        // run's steps, once a few of them are written (each step commits there; the rerun goes on after them).
        await until(
          'rows written',
          async () =>
            (await httpClient(server.baseUrl).get<ImportJobView>(`/api/imports/${jobId}`, { token: farm.owner.token })).body.processedRows >
            500,
          60_000,
        );
      }
      await killed(server.child);

      // Another instance: it finds the run dead (started 2 s ago or more, its lock gone with its connection) and runs the job again.
      const next = await apps.start(db, { JOB_STALE_SECONDS: '2', JOB_SWEEP_SECONDS: '1' });
      const job = await finishedImport(next.baseUrl, farm.owner, jobId);
      expect(job).toMatchObject({ status: 'done', totalRows: IMPORT_MAX_ROWS, processedRows: IMPORT_MAX_ROWS, failure: null });
      expect(job.batches).toHaveLength(IMPORT_MAX_ROWS);
      const [row] = await sql<{ attempts: number; checked_rows: unknown }>(
        next,
        'SELECT attempts, checked_rows FROM import_jobs WHERE id = $1',
        [jobId],
      );
      // Its rows are dropped once they are stored.
      expect(row).toEqual({ attempts: 2, checked_rows: null });
      expect(await countRows(next, 'batches', `lot_code LIKE 'KILL%'`)).toBe(IMPORT_MAX_ROWS);
      expect(await countRows(next, 'events', `business_id = $1`, [farm.business.id])).toBe(IMPORT_MAX_ROWS);
      expect(await countRows(next, 'audit_log', `action = 'batch.register' AND business_id = $1`, [farm.business.id])).toBe(
        IMPORT_MAX_ROWS,
      );
      expect(await countRows(next, 'audit_log', `action = 'import.run' AND target_id = $1`, [jobId])).toBe(1);
      expect(await countRows(next, 'audit_log', `action IN ('import.fail', 'import.interrupt') AND target_id = $1`, [jobId])).toBe(0);
    }, 300_000);
  });

  describe('a second run of the same job', () => {
    const apps = appsOnOneDatabase('nguon-twice-');
    afterAll(() => apps.close());

    it('waits for the first and finds the job done: its rows are stored once', async () => {
      const t = await apps.start(await apps.database());
      const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
      const farm = await createProducer(f, await createUser(f, { role: 'admin' }));
      const upload = await uploadImport(t.baseUrl, farm.owner, farm.business.id, 'batches', lotsFile(farm, 'TWICE', 3000));
      expect(upload.status).toBe(202);
      const jobId = (upload.body as ImportJobView).id;
      // The worker took the job at once; a second run, as the queue's expiry would start one, meanwhile.
      await t.app.nest.get(ImportJobRunner).handle(jobId);
      const job = await finishedImport(t.baseUrl, farm.owner, jobId);
      expect(job).toMatchObject({ status: 'done', processedRows: 3000, failure: null });
      // The second run claimed the job while the first was writing it (on the embedded database, between two of its steps), then found it done.
      expect(await sql(t, 'SELECT attempts FROM import_jobs WHERE id = $1', [jobId])).toEqual([{ attempts: 2 }]);
      expect(await countRows(t, 'batches', `lot_code LIKE 'TWICE%'`)).toBe(3000);
      expect(await countRows(t, 'audit_log', `action = 'import.run' AND target_id = $1`, [jobId])).toBe(1);
    }, 120_000);
  });

  describe('while a run writes', () => {
    const apps = appsOnOneDatabase('nguon-busy-');
    afterAll(() => apps.close());

    it("shows its progress and leaves the portal answering: the job's rows so far, a shopper's view", async () => {
      const t = await apps.start(await apps.database());
      const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
      const farm = await createProducer(f, await createUser(f, { role: 'admin' }));
      const batch = await createBatch(f, farm.owner, farm.product.id);
      const upload = await uploadImport(t.baseUrl, farm.owner, farm.business.id, 'batches', lotsFile(farm, 'BUSY', 3000));
      expect(upload.status).toBe(202);
      const jobId = (upload.body as ImportJobView).id;
      // Each poll: the job, then a shopper's view of a lot registered before the import, then the job again.
      const seen: { processed: number; viewWhileRunning: boolean }[] = [];
      for (;;) {
        const before = (await f.http.get<ImportJobView>(`/api/imports/${jobId}`, { token: farm.owner.token })).body;
        if (before.status !== 'running') break;
        const view = await f.http.get(`/api/public/batches/${batch.id}`);
        expect(view.status).toBe(200);
        const after = (await f.http.get<ImportJobView>(`/api/imports/${jobId}`, { token: farm.owner.token })).body;
        seen.push({ processed: before.processedRows, viewWhileRunning: after.status === 'running' });
      }
      // The embedded database too answers between the run's steps (before, everything waited for the whole file).
      expect(seen.some((s) => s.processed > 0 && s.processed < 3000 && s.viewWhileRunning)).toBe(true);
      expect(await finishedImport(t.baseUrl, farm.owner, jobId)).toMatchObject({ status: 'done', processedRows: 3000 });
      expect(await countRows(t, 'batches', `lot_code LIKE 'BUSY%'`)).toBe(3000);
    }, 120_000);
  });

  describe('the periodic sweep, while the app runs', () => {
    let t: TestApp;
    let farm: Producer;
    beforeAll(async () => {
      t = await startTestApp({ env: { JOB_SWEEP_SECONDS: '1', JOB_STALE_SECONDS: '30' } });
      const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
      farm = await createProducer(f, await createUser(f, { role: 'admin' }));
    });
    afterAll(async () => t?.close());

    /** A job another instance started `startedAgo`, on its third and last allowed run. */
    const lastRun = async (startedAgo: string) => {
      const [job] = await sql<{ id: string }>(
        t,
        `INSERT INTO import_jobs (business_id, kind, status, total_rows, checked_rows, attempts, owner_instance, started_at)
         VALUES ($1, 'batches', 'running', 10, '[]', 3, $2, now() - $3::interval) RETURNING id`,
        [farm.business.id, randomUUID(), startedAgo],
      );
      return job!.id;
    };
    const statusOf = async (id: string) =>
      (await httpClient(t.baseUrl).get<ImportJobView>(`/api/imports/${id}`, { token: farm.owner.token })).body;

    it('fails a job whose last allowed run died, with a bilingual reason, within a sweep', async () => {
      const dead = await lastRun('1 hour');
      const job = await until(
        'the sweep',
        async () => {
          const view = await statusOf(dead);
          return view.status !== 'running' && view;
        },
        5000,
      );
      expect(job).toMatchObject({
        status: 'failed',
        processedRows: 0,
        failure: { row: null, message: { vi: expect.stringContaining('không dòng nào được lưu'), en: STOPPED_EN } },
      });
      expect(job.finishedAt).not.toBeNull();
      expect(await sql(t, 'SELECT checked_rows FROM import_jobs WHERE id = $1', [dead])).toEqual([{ checked_rows: null }]);
      const audit = await sql(t, `SELECT action, details FROM audit_log WHERE target_id = $1`, [dead]);
      expect(audit).toEqual([{ action: 'import.interrupt', details: { kind: 'batches', rows: 10, attempts: 3 } }]);
    });

    (onPostgres ? it : it.skip)('leaves alone a job whose run holds its lock, however long ago it started', async () => {
      const recent = await lastRun('1 second');
      const held = await lastRun('1 hour');
      // A live run holds its job's lock in its transaction from start to end, as QueuedJobRunner does.
      const owner = new pg.Client({ connectionString: t.config.databaseUrl! });
      await owner.connect();
      await owner.query('BEGIN');
      await owner.query(`SELECT pg_advisory_xact_lock(hashtextextended('import_job:' || $1::text, 0))`, [held]);
      // Its progress still gets written beside the lock.
      await sql(t, `UPDATE import_jobs SET processed_rows = 3 WHERE id = $1`, [held]);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect((await statusOf(recent)).status).toBe('running');
      expect(await statusOf(held)).toMatchObject({ status: 'running', processedRows: 3 });
      // Once that transaction is gone (its process died), the next sweep takes the job.
      await owner.query('ROLLBACK');
      await owner.end();
      await until('the sweep', async () => (await statusOf(held)).status === 'failed', 5000);
      await sql(t, `UPDATE import_jobs SET status = 'done', finished_at = now() WHERE id = $1`, [recent]);
    });
  });
});

/** A stage file of `count` storage rows on each lot in turn, one minute apart: the first half on `first`, the rest on `second`. */
const storageFile = (first: string, second: string, count: number) =>
  importCsv(
    ['lot_code', 'stage', 'event_time'],
    Array.from({ length: count }, (_, n) => [
      n < count / 2 ? first : second,
      'Lưu kho',
      `15/10/2026 ${String(8 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`,
    ]),
  );

// Two instances on one database: the embedded one opens in one process at a time, and its long work runs one at a time anyway.
(onPostgres ? describe : describe.skip)('stage files imported by two instances at once on the same batches', () => {
  const apps = appsOnOneDatabase('nguon-import-stages-');
  afterAll(() => apps.close());

  it('both import whole: a run locks every batch its rows name before the first, so none deadlocks part-way', async () => {
    const db = await apps.database();
    const [one, two] = [await apps.start(db), await apps.start(db)];
    const f: Factory = { http: httpClient(one.baseUrl), testApp: one };
    const farm = await createProducer(f, await createUser(f, { role: 'admin' }));
    const [a, b] = [await createBatch(f, farm.owner, farm.product.id), await createBatch(f, farm.owner, farm.product.id)];
    // Opposite orders: locked row by row, each run would hold its first lot and wait for the other's.
    const files = [storageFile(a.lotCode, b.lotCode, 200), storageFile(b.lotCode, a.lotCode, 200)];
    const uploads = await Promise.all([one, two].map((t, n) => uploadImport(t.baseUrl, farm.owner, farm.business.id, 'events', files[n]!)));
    for (const upload of uploads) {
      expect(upload.status).toBe(202);
      expect(await finishedImport(one.baseUrl, farm.owner, (upload.body as ImportJobView).id)).toMatchObject({
        status: 'done',
        processedRows: 200,
      });
    }
    for (const batch of [a, b]) {
      const report = (await f.http.get(`/api/batches/${batch.id}/integrity`, { token: farm.owner.token })).body;
      expect(report).toMatchObject({ verified: true, records: 1 + 200 });
    }
  }, 120_000);
});
