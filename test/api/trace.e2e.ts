import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, PublicBatchView, RecallView, TraceView } from '@nguon/shared';
import {
  createBatch,
  createProducer,
  createUser,
  recordProcessing,
  shipAndReceive,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { declareWrong } from '../factories/lots.js';
import { expectApiError } from '../support/api-error.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Two orange farms ship to a juice factory, which presses two of their lots into juice and ships
 * it to a distributor, which bottles it into its own lot. A third orange lot goes into jam on the
 * farm: a neighbour in the data that no trace of the juice may pick up.
 */
describe('GET /api/batches/:id/trace', () => {
  let t: TestApp;
  let f: Factory;
  let inspector: TestUser;
  let farmA: Producer, farmB: Producer, factory: Producer, distributor: Producer;
  let o1: BatchView, o2: BatchView, o3: BatchView, jam: BatchView, juice: BatchView, bottled: BatchView;

  const trace = async (batch: BatchView, query = '') =>
    (await f.http.get<TraceView>(`/api/batches/${batch.id}/trace${query}`, { token: inspector.token })).body;
  const depths = (view: TraceView) => Object.fromEntries(view.batches.map((b) => [b.lotCode, b.depth]));

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    const admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
    [farmA, farmB, factory, distributor] = [
      await createProducer(f, admin),
      await createProducer(f, admin),
      await createProducer(f, admin),
      await createProducer(f, admin),
    ];
    o1 = await createBatch(f, farmA.owner, farmA.product.id, { lotCode: 'O1' });
    o2 = await createBatch(f, farmA.owner, farmA.product.id, { lotCode: 'O2' });
    o3 = await createBatch(f, farmB.owner, farmB.product.id, { lotCode: 'O3' });
    jam = await createBatch(f, farmA.owner, farmA.product.id, { lotCode: 'JAM' });
    await recordProcessing(f, farmA.owner, { inputs: [{ batchId: o2.id, quantity: 50, unit: 'KGM' }], outputs: [{ batchId: jam.id }] });
    await shipAndReceive(f, farmA.owner, factory, o1.id);
    await shipAndReceive(f, farmB.owner, factory, o3.id);
    juice = await createBatch(f, factory.owner, factory.product.id, { lotCode: 'JUICE' });
    await recordProcessing(f, factory.owner, {
      inputs: [o1, o3].map((o) => ({ batchId: o.id, quantity: 400, unit: 'KGM' as const })),
      outputs: [{ batchId: juice.id }],
    });
    await shipAndReceive(f, factory.owner, distributor, juice.id);
    bottled = await createBatch(f, distributor.owner, distributor.product.id, { lotCode: 'BOTTLED' });
    await recordProcessing(f, distributor.owner, {
      inputs: [{ batchId: juice.id, quantity: 300, unit: 'LTR' }],
      outputs: [{ batchId: bottled.id }],
    });
  });
  afterAll(async () => t?.close());

  it('traces back from the bottled juice to exactly the orange lots it was made from, across businesses', async () => {
    const view = await trace(bottled, '?direction=backward');
    expect(depths(view)).toEqual({ O1: -2, O3: -2, JUICE: -1, BOTTLED: 0 });
    expect(view.edges.filter((e) => e.kind === 'processing')).toHaveLength(3);
  });

  it('traces forward from one orange lot to every batch made from it and every business it went to', async () => {
    const view = await trace(o1, '?direction=forward');
    expect(depths(view)).toEqual({ O1: 0, JUICE: 1, BOTTLED: 2 });
    expect(view.businesses.map((b) => b.id).sort()).toEqual([factory.business.id, distributor.business.id].sort());
    expect(view.edges).toContainEqual(expect.objectContaining({ kind: 'shipping', from: o1.id, to: factory.business.id }));
    expect(view.edges).toContainEqual(expect.objectContaining({ kind: 'shipping', from: juice.id, to: distributor.business.id }));
  });

  it('goes both ways from the middle, and stops at the depth asked for', async () => {
    expect(depths(await trace(juice))).toEqual({ O1: -1, O3: -1, JUICE: 0, BOTTLED: 1 });
    expect(depths(await trace(o1, '?direction=forward&depth=1'))).toEqual({ O1: 0, JUICE: 1 });
  });

  it('picks up nothing unrelated: the jam from a sibling lot stays out', async () => {
    const everything = [await trace(o1), await trace(juice), await trace(bottled)].flatMap((v) => v.batches.map((b) => b.lotCode));
    expect(everything).not.toContain('JAM');
    expect(everything).not.toContain('O2');
  });

  it('follows no processing that was declared not to have happened, nor does the consumer page or a recall', async () => {
    const pressed = await createBatch(f, farmB.owner, farmB.product.id, { lotCode: 'PRESSED' });
    const mistaken = await createBatch(f, farmB.owner, farmB.product.id, { lotCode: 'MISTAKE' });
    const processing = await recordProcessing(f, farmB.owner, {
      inputs: [{ batchId: pressed.id, quantity: 10, unit: 'KGM' }],
      outputs: [{ batchId: mistaken.id }],
    });
    expect(depths(await trace(pressed, '?direction=forward'))).toEqual({ PRESSED: 0, MISTAKE: 1 });
    await declareWrong(f, farmB.owner, processing.id);

    expect(depths(await trace(pressed, '?direction=forward'))).toEqual({ PRESSED: 0 });
    expect(depths(await trace(mistaken, '?direction=backward'))).toEqual({ MISTAKE: 0 });
    expect((await f.http.get<PublicBatchView>(`/api/public/batches/${mistaken.id}`)).body.sources).toEqual([]);
    const recall = await f.http.post<RecallView>(
      `/api/batches/${pressed.id}/recall`,
      { severity: 'class_ii', reason: 'Thử' },
      { token: inspector.token },
    );
    expect(recall.body.affected).toEqual([]);
  });

  it('is for inspectors and administrators: a producer gets 403, no one signed in 401', async () => {
    expectApiError(await f.http.get(`/api/batches/${o1.id}/trace`, { token: farmA.owner.token }), 403, 'FORBIDDEN');
    expectApiError(await f.http.get(`/api/batches/${o1.id}/trace`), 401, 'UNAUTHENTICATED');
  });

  it('answers an unknown batch with 404 and a bad depth or direction with 400 naming it', async () => {
    expectApiError(
      await f.http.get(`/api/batches/00000000-0000-4000-8000-000000000000/trace`, { token: inspector.token }),
      404,
      'BATCH_NOT_FOUND',
    );
    expectApiError(await f.http.get(`/api/batches/${o1.id}/trace?depth=0`, { token: inspector.token }), 400, 'VALIDATION_FAILED', [
      'depth',
    ]);
    expectApiError(
      await f.http.get(`/api/batches/${o1.id}/trace?direction=sideways`, { token: inspector.token }),
      400,
      'VALIDATION_FAILED',
      ['direction'],
    );
  });
});
