import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createApiKey, createBatch, createProducer, createUser, type Factory } from '../factories/index.js';
import { documentOf, finishedCaptureJob } from '../support/capture-jobs.js';
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
