import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ImportJobView } from '@nguon/shared';
import pg from 'pg';
import { createProducer, createUser, type Factory, type Producer } from '../factories/index.js';
import { importCsv, uploadImport } from '../factories/imports.js';
import { countRows, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { appsOnOneDatabase, killed, spawnServer, until } from '../support/server-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const INTERRUPTED_EN = 'The import was cut off because the server running it stopped; no row was stored. Import the file again.';
const onPostgres = Boolean(process.env.DATABASE_URL);

/** A batch file of `count` new lots, all named KILL-…, for the farm's product. */
const lotsFile = (farm: Producer, prefix: string, count: number) =>
  importCsv(
    ['product', 'lot_code', 'production_date'],
    Array.from({ length: count }, (_, n) => [farm.product.gtin!, `${prefix}${n}`, '01/10/2026']),
  );

describe('import jobs whose process is gone', () => {
  describe('killed with kill -9 in the middle of a run', () => {
    const apps = appsOnOneDatabase('nguon-kill-');
    afterAll(() => apps.close());

    it('is failed with a reason by the next app on the database, and none of its rows is stored', async () => {
      const db = await apps.database();
      // The data an import needs, made by an app that then stops.
      const setup = await apps.start(db);
      const f: Factory = { http: httpClient(setup.baseUrl), testApp: setup };
      const farm = await createProducer(f, await createUser(f, { role: 'admin' }));
      await apps.stop(setup);

      const server = await spawnServer(db);
      const upload = await uploadImport(server.baseUrl, farm.owner, farm.business.id, 'batches', lotsFile(farm, 'KILL', 4000));
      expect(upload.status).toBe(202);
      const jobId = (upload.body as ImportJobView).id;
      if (db.databaseUrl) {
        // Killed once the run has written rows in its transaction (its heartbeat says how many).
        const client = new pg.Client({ connectionString: db.databaseUrl });
        await client.connect();
        await until(
          'rows written',
          async () => (await client.query('SELECT processed_rows FROM import_jobs WHERE id = $1', [jobId])).rows[0]?.processed_rows > 0,
        );
        await killed(server.child);
        // The next app starts once the dead owner's heartbeat is 2 s old: its start-up sweep must see the job.
        await until(
          'a stale heartbeat',
          async () =>
            (await client.query(`SELECT heartbeat_at < now() - interval '2 seconds' AS stale FROM import_jobs WHERE id = $1`, [jobId]))
              .rows[0]?.stale,
        );
        await client.end();
      } else {
        // The embedded database has one connection, held by the run: its progress cannot be read from outside.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await killed(server.child);
      }
      const next = await apps.start(db, { JOB_STALE_SECONDS: '2' });
      const [job] = await sql<{ status: string; failure: unknown; processed_rows: number }>(
        next,
        'SELECT status, failure, processed_rows FROM import_jobs WHERE id = $1',
        [jobId],
      );
      expect(job).toEqual({
        status: 'failed',
        processed_rows: 0,
        failure: { row: null, message: { vi: expect.stringContaining('không dòng nào được lưu'), en: INTERRUPTED_EN } },
      });
      const seen = await httpClient(next.baseUrl).get<ImportJobView>(`/api/imports/${jobId}`, { token: farm.owner.token });
      expect(seen.body).toMatchObject({ status: 'failed', processedRows: 0, failure: { row: null, message: { en: INTERRUPTED_EN } } });
      expect(await countRows(next, 'batches', `lot_code LIKE 'KILL%'`)).toBe(0);
      expect(await countRows(next, 'events', `business_id = $1`, [farm.business.id])).toBe(0);
      expect(await countRows(next, 'audit_log', `action = 'import.interrupt' AND target_id = $1`, [jobId])).toBe(1);
      // The farm imports the file again, on the new app.
      const again = await uploadImport(next.baseUrl, farm.owner, farm.business.id, 'batches', lotsFile(farm, 'KILL', 3));
      expect(again.status).toBe(202);
    }, 90_000);
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

    const runningJob = async (heartbeatAgo: string) => {
      const [job] = await sql<{ id: string }>(
        t,
        `INSERT INTO import_jobs (business_id, kind, status, total_rows, owner_instance, heartbeat_at) VALUES ($1, 'batches', 'running', 10, $2, now() - $3::interval) RETURNING id`,
        [farm.business.id, randomUUID(), heartbeatAgo],
      );
      return job!.id;
    };
    const statusOf = async (id: string) =>
      (await httpClient(t.baseUrl).get<ImportJobView>(`/api/imports/${id}`, { token: farm.owner.token })).body;

    it('fails a running job of a dead owner (stale heartbeat), with the reason, within a sweep', async () => {
      const dead = await runningJob('1 hour');
      const job = await until(
        'the sweep',
        async () => {
          const view = await statusOf(dead);
          return view.status !== 'running' && view;
        },
        5000,
      );
      expect(job).toMatchObject({ status: 'failed', processedRows: 0, failure: { row: null, message: { en: INTERRUPTED_EN } } });
      expect(job.finishedAt).not.toBeNull();
    });

    (onPostgres ? it : it.skip)(
      'leaves alone a job whose owner beats, and one whose run transaction is alive however late its heartbeat',
      async () => {
        const beating = await runningJob('1 second');
        const late = await runningJob('1 hour');
        // A live run holds its job's row in its transaction from start to end, as ImportsService does.
        const owner = new pg.Client({ connectionString: t.config.databaseUrl! });
        await owner.connect();
        await owner.query('BEGIN');
        await owner.query('SELECT 1 FROM import_jobs WHERE id = $1 FOR KEY SHARE', [late]);
        // Heartbeats still pass beside the held row.
        await sql(t, `UPDATE import_jobs SET processed_rows = 3 WHERE id = $1`, [late]);
        await new Promise((resolve) => setTimeout(resolve, 2500));
        expect((await statusOf(beating)).status).toBe('running');
        expect(await statusOf(late)).toMatchObject({ status: 'running', processedRows: 3 });
        // Once that transaction is gone (its process died), the next sweep fails the job.
        await owner.query('ROLLBACK');
        await owner.end();
        await until('the sweep', async () => (await statusOf(late)).status === 'failed', 5000);
        await sql(t, `UPDATE import_jobs SET status = 'done', finished_at = now() WHERE id = $1`, [beating]);
      },
    );
  });
});
