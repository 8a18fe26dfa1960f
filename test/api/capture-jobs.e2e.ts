import { afterAll, describe, expect, it } from '@jest/globals';
import type { QueryRunner } from 'typeorm';
import pg from 'pg';
import { createApiKey, createBatch, createProducer, createUser, type Factory } from '../factories/index.js';
import { captureAndWait, documentOf, finishedCaptureJob } from '../support/capture-jobs.js';
import { countRows, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { appsOnOneDatabase, killed, spawnServer, until } from '../support/server-process.js';

/** The largest document capture takes (CAPTURE_EVENT_LIMIT): its run lasts long enough for the kill to land in its middle. */
const EVENTS = 10_000;

describe('a capture job whose worker is killed with kill -9 in the middle of its run', () => {
  const apps = appsOnOneDatabase('nguon-capture-kill-');
  afterAll(() => apps.close());

  it('is taken over by the next worker and finishes: every event stored once, the chain verified', async () => {
    const db = await apps.database();
    // The business, its lot and a key, made by an app that then stops.
    const setup = await apps.start(db);
    const f: Factory = { http: httpClient(setup.baseUrl), testApp: setup };
    const farm = await createProducer(f, await createUser(f, { role: 'admin' }));
    const batch = await createBatch(f, farm.owner, farm.product.id, { lotCode: 'KILL-CAPTURE' });
    const key = await createApiKey(f, farm.owner, farm.business.id, { scopes: ['capture', 'read'] });
    await apps.stop(setup);

    const server = await spawnServer(db);
    const document = documentOf(EVENTS, `https://id.gs1.org/01/${farm.product.gtin!.padStart(14, '0')}/10/KILL-CAPTURE`);
    const accepted = await httpClient(server.baseUrl).post('/epcis/capture', document, {
      token: key.token,
      headers: { 'content-type': 'application/ld+json' },
    });
    expect(accepted.status).toBe(202);
    const jobId: string = accepted.body.captureID;
    if (db.databaseUrl) {
      // Killed once the run has checked events in its transaction (its progress says how many).
      const client = new pg.Client({ connectionString: db.databaseUrl });
      await client.connect();
      await until(
        'events checked',
        async () => (await client.query('SELECT processed_count FROM capture_jobs WHERE id = $1', [jobId])).rows[0]?.processed_count > 0,
        60_000,
      );
      await client.end();
    } else {
      // The embedded database has one connection, held by the run: its progress cannot be read from
      // outside, so the kill follows the run's start in the log (its 10,000 events take seconds).
      await until('the run to start', async () => server.log().includes(`capture ${jobId}: run 1 started`), 60_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await killed(server.child);

    // Another instance: it finds the run dead (started 2 s ago or more, its lock gone with its connection) and runs the job again.
    const next = await apps.start(db, { JOB_STALE_SECONDS: '2', JOB_SWEEP_SECONDS: '1' });
    const job = await finishedCaptureJob(httpClient(next.baseUrl), jobId, key.token, 240_000);
    expect(job).toMatchObject({ running: false, success: true, status: 'success', eventCount: EVENTS, capturedCount: EVENTS, errors: [] });
    const [row] = await sql<{ attempts: number; document: unknown }>(next, 'SELECT attempts, document FROM capture_jobs WHERE id = $1', [
      jobId,
    ]);
    expect(row).toEqual({ attempts: 2, document: null });

    const ids = document.epcisBody.eventList.map((event) => event.eventID);
    expect(await countRows(next, 'events', 'event_id = ANY($1)', [ids])).toBe(EVENTS);
    expect(await countRows(next, 'events', 'business_id = $1', [farm.business.id])).toBe(EVENTS + 1);
    expect(await countRows(next, 'audit_log', `action = 'epcis.capture' AND target_id = $1`, [jobId])).toBe(1);
    const integrity = await httpClient(next.baseUrl).get(`/api/batches/${batch.id}/integrity`);
    expect(integrity.body).toMatchObject({ verified: true, records: EVENTS + 1 });
  }, 300_000);
});

describe('a backlog of capture jobs', () => {
  const apps = appsOnOneDatabase('nguon-capture-backlog-');
  afterAll(() => apps.close());

  it('is worked through one job after another, not one job per polling interval', async () => {
    const db = await apps.database();
    // A worker that found the queue empty looks again only after 10 minutes: every job here must be taken without that wait.
    const t = await apps.start(db, { CAPTURE_JOB_POLL_SECONDS: '600' });
    const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
    const farm = await createProducer(f, await createUser(f, { role: 'admin' }));
    await createBatch(f, farm.owner, farm.product.id, { lotCode: 'BACKLOG-1' });
    const key = await createApiKey(f, farm.owner, farm.business.id, { scopes: ['capture'] });
    const lot = `https://id.gs1.org/01/${farm.product.gtin!.padStart(14, '0')}/10/BACKLOG-1`;
    // Sent back to back, as an integrator with a day's documents does: all but the first wait in the queue.
    const accepted: string[] = [];
    for (let n = 0; n < 5; n++) {
      const response = await f.http.post('/epcis/capture', documentOf(200, lot), {
        token: key.token,
        headers: { 'content-type': 'application/ld+json' },
      });
      expect(response.status).toBe(202);
      accepted.push(response.body.captureID);
    }
    for (const id of accepted) {
      expect(await finishedCaptureJob(f.http, id, key.token, 20_000)).toMatchObject({ success: true, capturedCount: 200 });
    }
    expect(await countRows(t, 'events', 'business_id = $1', [farm.business.id])).toBe(5 * 200 + 1);
  }, 150_000);
});

describe('an instance shut down just as a capture job ends', () => {
  const apps = appsOnOneDatabase('nguon-capture-close-');
  afterAll(() => apps.close());

  it("closes its database only once the queue has recorded the job's completion", async () => {
    const db = await apps.database();
    const t = await apps.start(db);
    const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
    const farm = await createProducer(f, await createUser(f, { role: 'admin' }));
    await createBatch(f, farm.owner, farm.product.id, { lotCode: 'CLOSE-1' });
    const key = await createApiKey(f, farm.owner, farm.business.id, { scopes: ['capture'] });
    // pg-boss records a job's completion after the run, without awaiting it: slowed down here, it
    // is still on its way when the job reads as finished and the instance is told to stop.
    const dataSource = t.app.database.dataSource;
    const create = dataSource.createQueryRunner.bind(dataSource);
    dataSource.createQueryRunner = (...args: Parameters<typeof create>): QueryRunner => {
      const runner = create(...args);
      const query = runner.query.bind(runner);
      runner.query = (async (sql: string, ...rest: unknown[]) => {
        if (sql.includes("state = 'completed'")) await new Promise((resolve) => setTimeout(resolve, 500));
        return (query as (...all: unknown[]) => Promise<unknown>)(sql, ...rest);
      }) as QueryRunner['query'];
      return runner;
    };
    const unhandled: unknown[] = [];
    const noteUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', noteUnhandled);
    let captureId: string;
    try {
      const lot = `https://id.gs1.org/01/${farm.product.gtin!.padStart(14, '0')}/10/CLOSE-1`;
      const captured = await captureAndWait(f.http, documentOf(3, lot), { token: key.token });
      expect(captured.body).toMatchObject({ success: true, capturedCount: 3 });
      captureId = captured.body.captureID;
      await apps.stop(t);
      // Long enough for a statement cut off by the closed database to have failed.
      await new Promise((resolve) => setTimeout(resolve, 700));
    } finally {
      process.off('unhandledRejection', noteUnhandled);
    }
    expect(unhandled).toEqual([]);
    const next = await apps.start(db);
    expect(await sql(next, 'SELECT state FROM pgboss.job WHERE id = $1', [captureId])).toEqual([{ state: 'completed' }]);
  });
});
