import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorDeclarationView, EventView, Page, PublicBatchView } from '@nguon/shared';
import {
  createApiKey,
  createBatch,
  createProducer,
  createStaff,
  createUser,
  recordProcessing,
  recordStage,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { declareError } from '../factories/recording.js';
import { expectApiError } from '../support/api-error.js';
import { snapshotTables } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('POST /api/events/:id/error-declaration', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let grower: Producer;
  let distributor: Producer;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    grower = await createProducer(f, admin);
    distributor = await createProducer(f, admin);
  });
  afterAll(async () => t?.close());

  const publicTimeline = async (batchId: string) => (await f.http.get<PublicBatchView>(`/api/public/batches/${batchId}`)).body.timeline;
  const eventsOf = async (batchId: string) =>
    (await f.http.get<Page<EventView>>(`/api/batches/${batchId}/events?limit=100`, { token: grower.owner.token })).body.items;

  it('declares an event wrong and records the corrected one in its place, keeping both records', async () => {
    const batch = await createBatch(f, grower.owner, grower.product.id);
    const wrong = await recordStage(f, grower.owner, batch.id, {
      stage: 'harvesting',
      quantity: 9000,
      eventTime: '2026-11-10T07:00:00+07:00',
    });
    const response = await f.http.post<ErrorDeclarationView>(
      `/api/events/${wrong.id}/error-declaration`,
      {
        reason: 'incorrect_data',
        explanation: 'Gõ thừa một số 0',
        corrected: { quantity: 900, eventTime: '2026-11-10T07:00:00+07:00' },
      },
      { token: grower.owner.token },
    );
    expect(response.status).toBe(201);
    const { declaration, corrective } = response.body;
    expect(corrective).toMatchObject({
      stage: 'harvesting',
      epcis: expect.objectContaining({ quantityList: [expect.objectContaining({ quantity: 900 })] }),
    });
    expect(declaration).toMatchObject({ eventId: wrong.eventId, errorDeclaration: true });
    expect(declaration.epcis.errorDeclaration).toEqual({
      declarationTime: expect.any(String),
      reason: 'incorrect_data',
      correctiveEventIDs: [corrective!.eventId],
      'nguon:explanation': 'Gõ thừa một số 0',
    });

    const timeline = await publicTimeline(batch.id);
    expect(timeline.filter((e) => e.stage === 'harvesting').map((e) => [e.eventId, e.quantity])).toEqual([[corrective!.eventId, 900]]);
    const records = await eventsOf(batch.id);
    expect(records.find((e) => e.id === wrong.id)).toMatchObject({ declaredWrong: true, errorDeclaration: false });
    expect(records.filter((e) => e.eventId === wrong.eventId)).toHaveLength(2);
  });

  it('takes a declaration alone: the event leaves the consumer page', async () => {
    const batch = await createBatch(f, grower.owner, grower.product.id);
    const wrong = await recordStage(f, grower.owner, batch.id, { stage: 'storing' });
    const result = await declareError(f, grower.owner, wrong.id, { reason: 'did_not_occur', explanation: 'Chưa nhập kho' });
    expect(result.corrective).toBeNull();
    expect((await publicTimeline(batch.id)).map((e) => e.stage)).not.toContain('storing');
  });

  it('refuses to declare the same event twice', async () => {
    const batch = await createBatch(f, grower.owner, grower.product.id);
    const wrong = await recordStage(f, grower.owner, batch.id, { stage: 'packing' });
    await declareError(f, grower.owner, wrong.id, { reason: 'did_not_occur', explanation: 'Nhầm' });
    const before = await snapshotTables(t);
    expectApiError(
      await f.http.post(
        `/api/events/${wrong.id}/error-declaration`,
        { reason: 'did_not_occur', explanation: 'Nhầm' },
        { token: grower.owner.token },
      ),
      409,
      'EVENT_ALREADY_DECLARED',
    );
    expect(await snapshotTables(t)).toEqual(before);
  });

  it('lets only the business that recorded the event declare it: its staff and API key, not a partner', async () => {
    const batch = await createBatch(f, grower.owner, grower.product.id);
    await recordStage(f, grower.owner, batch.id, { stage: 'shipping', destinationBusinessId: distributor.business.id });
    const received = await recordStage(f, distributor.owner, batch.id, { stage: 'receiving' });
    const packing = await recordStage(f, grower.owner, batch.id, { stage: 'packing' });
    const before = await snapshotTables(t);
    expectApiError(
      await f.http.post(
        `/api/events/${packing.id}/error-declaration`,
        { reason: 'did_not_occur', explanation: 'x' },
        { token: distributor.owner.token },
      ),
      403,
      'FORBIDDEN',
    );
    expectApiError(
      await f.http.post(
        `/api/events/${received.id}/error-declaration`,
        { reason: 'did_not_occur', explanation: 'x' },
        { token: grower.owner.token },
      ),
      403,
      'FORBIDDEN',
    );
    expectApiError(
      await f.http.post(`/api/events/${packing.id}/error-declaration`, { reason: 'did_not_occur', explanation: 'x' }),
      401,
      'UNAUTHENTICATED',
    );
    expect(await snapshotTables(t)).toEqual(before);

    const staff = await createStaff(f, grower.owner, grower.business.id);
    expect((await declareError(f, staff, packing.id, { reason: 'did_not_occur', explanation: 'x' })).declaration.businessId).toBe(
      grower.business.id,
    );
    const key = await createApiKey(f, distributor.owner, distributor.business.id);
    expect((await declareError(f, key, received.id, { reason: 'did_not_occur', explanation: 'x' })).declaration.businessId).toBe(
      distributor.business.id,
    );
  });

  it('stores nothing when the correction is refused', async () => {
    const batch = await createBatch(f, grower.owner, grower.product.id);
    const wrong = await recordStage(f, grower.owner, batch.id, { stage: 'packing', quantity: 10, eventTime: '2026-11-12T08:00:00+07:00' });
    const before = await snapshotTables(t);
    const declare = (body: unknown) => f.http.post(`/api/events/${wrong.id}/error-declaration`, body, { token: grower.owner.token });
    expectApiError(
      await declare({ reason: 'incorrect_data', explanation: 'x', corrected: { locationId: distributor.location.id } }),
      404,
      'LOCATION_NOT_FOUND',
      ['locationId'],
    );
    expectApiError(
      await declare({ reason: 'incorrect_data', explanation: 'x', corrected: { quantity: 10, eventTime: '2026-11-12T08:00:00+07:00' } }),
      422,
      'EVENT_RULE_VIOLATED',
      ['corrected'],
    );
    expectApiError(
      await declare({ reason: 'incorrect_data', explanation: 'x', corrected: { stage: 'shipping' } }),
      422,
      'EVENT_RULE_VIOLATED',
      ['destinationBusinessId'],
    );
    expectApiError(await declare({ reason: 'mistake', explanation: '' }), 400, 'VALIDATION_FAILED', ['reason', 'explanation']);
    expectApiError(await declare({ reason: 'did_not_occur', explanation: 'x', corrected: { quantity: -2 } }), 400, 'VALIDATION_FAILED', [
      'corrected.quantity',
    ]);
    expect(await snapshotTables(t)).toEqual(before);
  });

  it('declares a processing step wrong, but corrects it only by recording it again', async () => {
    const input = await createBatch(f, grower.owner, grower.product.id);
    const output = await createBatch(f, grower.owner, grower.product.id);
    const step = await recordProcessing(f, grower.owner, {
      inputs: [{ batchId: input.id, quantity: 5, unit: 'KGM' }],
      outputs: [{ batchId: output.id }],
    });
    expectApiError(
      await f.http.post(
        `/api/events/${step.id}/error-declaration`,
        { reason: 'incorrect_data', explanation: 'x', corrected: { quantity: 4 } },
        { token: grower.owner.token },
      ),
      422,
      'EVENT_RULE_VIOLATED',
      ['corrected'],
    );
    await declareError(f, grower.owner, step.id, { reason: 'did_not_occur', explanation: 'Mẻ khác' });
    expect((await f.http.get<PublicBatchView>(`/api/public/batches/${output.id}`)).body.timeline.map((e) => e.stage)).not.toContain(
      'processing',
    );
  });

  it('answers 404 for an unknown event', async () => {
    expectApiError(
      await f.http.post(
        `/api/events/${randomUUID()}/error-declaration`,
        { reason: 'did_not_occur', explanation: 'x' },
        { token: grower.owner.token },
      ),
      404,
      'EVENT_NOT_FOUND',
    );
  });
});
