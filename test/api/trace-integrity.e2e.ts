import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RecallView, TraceView } from '@nguon/shared';
import { createUser, type Factory, type TestUser } from '../factories/index.js';
import { behindTheAppsBack, createOrangeJuiceChain, traceIntegrity, type OrangeJuiceChain } from '../factories/inspector.js';
import { expectApiError } from '../support/api-error.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Oranges from a farm pressed into juice at a factory and shipped to a shop; their records checked as one trace. */
describe('GET /api/batches/:id/trace/integrity', () => {
  let t: TestApp;
  let f: Factory;
  let inspector: TestUser;
  let chain: OrangeJuiceChain;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    chain = await createOrangeJuiceChain(f, admin);
  });
  afterAll(async () => t?.close());

  it('verifies every batch of an untouched trace, sources first', async () => {
    const { status, body } = await traceIntegrity(f, inspector, chain.juice.id);
    expect(status).toBe(200);
    expect(body).toMatchObject({ batchId: chain.juice.id, direction: 'both', verified: true });
    expect(body.batches.map((b) => [b.batchId, b.verified, b.firstBroken])).toEqual([
      [chain.oranges.id, true, null],
      [chain.juice.id, true, null],
    ]);
    // Oranges: created, shipped, received, pressed. Juice: created, pressed, shipped, received.
    expect(body.batches.map((b) => b.records)).toEqual([4, 4]);
  });

  it('names the batch and the record that breaks the chain when a stored event is altered behind the app', async () => {
    const [shipping] = await sql<{ id: string; event_id: string; seq: number }>(
      t,
      `SELECT e.id, e.event_id, eb.seq FROM events e JOIN event_batches eb ON eb.event_id = e.id WHERE eb.batch_id = $1 AND e.biz_step = 'shipping'`,
      [chain.oranges.id],
    );
    await behindTheAppsBack(t, [`UPDATE events SET event_time = event_time - interval '3 days' WHERE id = '${shipping!.id}'`]);

    const { body } = await traceIntegrity(f, inspector, chain.juice.id);
    expect(body.verified).toBe(false);
    const [oranges, juice] = body.batches;
    expect(oranges).toMatchObject({
      batchId: chain.oranges.id,
      verified: false,
      firstBroken: { seq: shipping!.seq, eventId: shipping!.event_id, problem: 'content_changed' },
    });
    expect(juice).toMatchObject({ batchId: chain.juice.id, verified: true, firstBroken: null });
    // The batch's own check agrees with the trace's.
    expect((await f.http.get(`/api/batches/${chain.oranges.id}/integrity`)).body.firstBroken).toEqual(oranges!.firstBroken);
  });

  it('follows the direction and depth asked for', async () => {
    const forward = (await traceIntegrity(f, inspector, chain.juice.id, { direction: 'forward' })).body;
    expect(forward.batches.map((b) => b.batchId)).toEqual([chain.juice.id]);
    expect(forward.verified).toBe(true);
  });

  it('is for inspectors and administrators, and answers unknown batches and bad queries plainly', async () => {
    expectApiError(await traceIntegrity(f, chain.farm.owner, chain.juice.id), 403, 'FORBIDDEN');
    expectApiError(await f.http.get(`/api/batches/${chain.juice.id}/trace/integrity`), 401, 'UNAUTHENTICATED');
    expectApiError(await traceIntegrity(f, inspector, '00000000-0000-4000-8000-000000000000'), 404, 'BATCH_NOT_FOUND');
    expectApiError(await traceIntegrity(f, inspector, chain.juice.id, { depth: 99 }), 400, 'VALIDATION_FAILED', ['depth']);
  });
});

describe('GET /api/batches/:id/trace after a recall', () => {
  let t: TestApp;
  let f: Factory;
  let inspector: TestUser;
  let chain: OrangeJuiceChain;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    inspector = await createUser(f, { role: 'inspector' });
    chain = await createOrangeJuiceChain(f, await createUser(f, { role: 'admin' }));
  });
  afterAll(async () => t?.close());

  it('marks the recalled batch and every batch downstream with the recall, and clears them when it is lifted', async () => {
    const recall = (
      await f.http.post<RecallView>(
        `/api/batches/${chain.oranges.id}/recall`,
        { severity: 'class_i', reason: 'Nhiễm khuẩn' },
        { token: inspector.token },
      )
    ).body;
    const recallOf = async () =>
      Object.fromEntries(
        (await f.http.get<TraceView>(`/api/batches/${chain.juice.id}/trace`, { token: inspector.token })).body.batches.map((b) => [
          b.lotCode,
          b.recall,
        ]),
      );
    expect(await recallOf()).toEqual({
      'CAM-HK-01': { id: recall.id, sourceBatchId: chain.oranges.id },
      'JUICE-01': { id: recall.id, sourceBatchId: chain.oranges.id },
    });
    await f.http.post(
      `/api/batches/${chain.oranges.id}/recall/lift`,
      { reason: 'Kết quả kiểm nghiệm lại đạt' },
      { token: inspector.token },
    );
    expect(await recallOf()).toEqual({ 'CAM-HK-01': null, 'JUICE-01': null });
  });
});
