import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { QueryRunner } from 'typeorm';
import { createApiKey, createBatch, createProducer, createUser, type Factory, type Producer } from '../factories/index.js';
import { captureAndWait, documentOf, epcisDocument, finishedCaptureJob, storingEvents, type CaptureJob } from '../support/capture-jobs.js';
import { countRows, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { appsOnOneDatabase, killed, spawnServer, until } from '../support/server-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

/** The largest document capture takes (CAPTURE_EVENT_LIMIT): its run lasts long enough for the kill to land in its middle. */
const EVENTS = 10_000;

describe('a capture job whose worker is killed with kill -9 in the middle of its run', () => {
  const apps = appsOnOneDatabase('nguon-capture-kill-');
  afterAll(() => apps.close());

  it('is taken over by the next worker and finishes: every event stored once, each refusal and warning listed once, the chain verified', async () => {
    const db = await apps.database();
    // The business, its lot and a key, made by an app that then stops.
    const setup = await apps.start(db);
    const f: Factory = { http: httpClient(setup.baseUrl), testApp: setup };
    const farm = await createProducer(f, await createUser(f, { role: 'admin' }));
    const batch = await createBatch(f, farm.owner, farm.product.id, { lotCode: 'KILL-CAPTURE' });
    const key = await createApiKey(f, farm.owner, farm.business.id, { scopes: ['capture', 'read'] });
    await apps.stop(setup);

    const server = await spawnServer(db);
    const lot = `https://id.gs1.org/01/${farm.product.gtin!.padStart(14, '0')}/10/KILL-CAPTURE`;
    const events = storingEvents(EVENTS, () => [lot]);
    // Early in the document, done before the kill: one event refused, one stored with a warning.
    events[3] = { ...events[3], quantityList: [{ epcClass: lot, quantity: 0, uom: 'KGM' }] };
    events[4] = { ...events[4], bizLocation: { id: 'urn:epc:id:sgln:9520123.45678.0' } };
    const document = epcisDocument(events);
    const accepted = await httpClient(server.baseUrl).post('/epcis/capture', document, {
      token: key.token,
      headers: { 'content-type': 'application/ld+json', 'GS1-Capture-Error-Behaviour': 'proceed' },
    });
    expect(accepted.status).toBe(202);
    const jobId: string = accepted.body.captureID;
    // Killed once the job says part of the document is done, as any instance reads it. On the
    // embedded database that answer comes between two steps of the run, which commit: a run that
    // held the one connection throughout would answer only once done, and never here.
    const progress = await until(
      'part of the document done',
      async () => {
        const job = await httpClient(server.baseUrl).get<CaptureJob>(`/epcis/capture/${jobId}`, { token: key.token });
        return job.status === 200 && job.body.running && job.body.processedCount > 0 && job.body.processedCount;
      },
      60_000,
    );
    expect(progress).toBeLessThan(EVENTS);
    await killed(server.child);

    // Another instance: it finds the run dead (started 2 s ago or more, its lock gone with its connection) and runs the job again.
    const next = await apps.start(db, { JOB_STALE_SECONDS: '2', JOB_SWEEP_SECONDS: '1' });
    const job = await finishedCaptureJob(httpClient(next.baseUrl), jobId, key.token, 240_000);
    expect(job).toMatchObject({ running: false, status: 'partial', eventCount: EVENTS, capturedCount: EVENTS - 1 });
    // On the embedded database the first run's steps recorded them, and the second went on after them.
    expect(job.errors).toMatchObject([{ eventIndex: 3, code: 'EVENT_RULE_VIOLATED' }]);
    expect(job.warnings).toMatchObject([{ eventIndex: 4, code: 'UNKNOWN_PLACE' }]);
    const [row] = await sql<{ attempts: number; document: unknown }>(next, 'SELECT attempts, document FROM capture_jobs WHERE id = $1', [
      jobId,
    ]);
    expect(row).toEqual({ attempts: 2, document: null });

    const ids = events.map((event) => event.eventID);
    expect(await countRows(next, 'events', 'event_id = ANY($1)', [ids])).toBe(EVENTS - 1);
    expect(await countRows(next, 'events', 'business_id = $1', [farm.business.id])).toBe(EVENTS);
    expect(await countRows(next, 'audit_log', `action = 'epcis.capture' AND target_id = $1`, [jobId])).toBe(1);
    const integrity = await httpClient(next.baseUrl).get(`/api/batches/${batch.id}/integrity`);
    expect(integrity.body).toMatchObject({ verified: true, records: EVENTS });
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

describe('a capture job whose last allowed run died', () => {
  let t: TestApp;
  let farm: Producer;
  let key: { token: string };
  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_SWEEP_SECONDS: '1', JOB_STALE_SECONDS: '30' } });
    const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
    farm = await createProducer(f, await createUser(f, { role: 'admin' }));
    key = await createApiKey(f, farm.owner, farm.business.id, { scopes: ['capture'] });
  });
  afterAll(async () => t?.close());

  it('is failed within a sweep, saying what its runs stored: nothing on PostgreSQL, what its committed steps stored on the embedded database', async () => {
    // Another instance's third run of a 1,000-event document, gone an hour ago after its steps had
    // done 400 events: 390 stored, one refused (`proceed`).
    const refused = { eventIndex: 7, eventId: 'urn:uuid:x', pointer: '/epcisBody/eventList/7', code: 'FORBIDDEN', message: 'refused' };
    const [{ id }] = (await sql<{ id: string }>(
      t,
      `INSERT INTO capture_jobs (business_id, status, error_behaviour, event_count, captured_count, processed_count, errors,
                                 attempts, owner_instance, started_at)
       VALUES ($1, 'running', 'proceed', 1000, 390, 400, $2, 3, $3, now() - interval '1 hour') RETURNING id`,
      [farm.business.id, JSON.stringify([refused]), randomUUID()],
    )) as [{ id: string }];
    const job = await until(
      'the sweep',
      async () => {
        const view = await httpClient(t.baseUrl).get<CaptureJob>(`/epcis/capture/${id}`, { token: key.token });
        return !view.body.running && view.body;
      },
      5000,
    );
    const stopped = (stored: string) => `The capture stopped part-way 3 times (the server running it stopped or failed); ${stored}`;
    const interrupted = { eventIndex: null, eventId: null, pointer: '', code: 'CAPTURE_INTERRUPTED' };
    if (onPostgres) {
      // One transaction per run: the count was only progress, and nothing of it was stored.
      expect(job).toMatchObject({ status: 'failed', capturedCount: 0, processedCount: 1000 });
      expect(job.errors).toMatchObject([{ ...interrupted, message: `${stopped('no event was stored.')} Send the document again.` }]);
    } else {
      expect(job).toMatchObject({ status: 'partial', capturedCount: 390, processedCount: 1000 });
      expect(job.errors).toMatchObject([
        refused,
        {
          ...interrupted,
          message: `${stopped('390 events were stored, the later ones were not.')} Send the document again: events already stored are known by their eventID and are not stored twice.`,
        },
      ]);
    }
    const audit = await sql(t, `SELECT action, details FROM audit_log WHERE target_id = $1`, [id]);
    expect(audit).toEqual([
      { action: 'epcis.capture', details: { status: job.status, eventCount: 1000, capturedCount: job.capturedCount } },
    ]);
  });
});
