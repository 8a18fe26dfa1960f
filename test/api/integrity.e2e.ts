import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { IntegrityReport } from '@nguon/shared';
import { createBatch, createProducer, createUser, recordProcessing, recordStage, type Factory, type Producer } from '../factories/index.js';
import { behindTheAppsBack } from '../factories/inspector.js';
import { expectApiError } from '../support/api-error.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Tamper evidence: each batch's events form a hash chain, and GET /api/batches/{id}/integrity
 * recomputes it from what is stored, naming the first broken link.
 */
describe('the hash chain of a batch', () => {
  let t: TestApp;
  let f: Factory;
  let farm: Producer;

  const integrity = async (batchId: string) => (await f.http.get<IntegrityReport>(`/api/batches/${batchId}/integrity`)).body;

  /** A batch with its creation and three stages: four records. */
  async function batchWithHistory() {
    const batch = await createBatch(f, farm.owner, farm.product.id);
    for (const stage of ['harvesting', 'packing', 'storing'] as const) await recordStage(f, farm.owner, batch.id, { stage, quantity: 100 });
    return batch;
  }

  const eventAt = async (batchId: string, seq: number) =>
    (
      await sql<{ id: string; event_id: string }>(
        t,
        `SELECT e.id, e.event_id FROM event_batches eb JOIN events e ON e.id = eb.event_id WHERE eb.batch_id = $1 AND eb.seq = $2`,
        [batchId, seq],
      )
    )[0]!;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    farm = await createProducer(f, await createUser(f, { role: 'admin' }));
  });
  afterAll(async () => t?.close());

  it('verifies an untouched history, counting its records', async () => {
    const batch = await batchWithHistory();
    expect(await integrity(batch.id)).toEqual({
      batchId: batch.id,
      verified: true,
      records: 4,
      unchained: 0,
      checkedAt: expect.any(String),
      firstBroken: null,
    });
    const links = await sql<{ seq: number; prev_hash: string | null }>(
      t,
      `SELECT seq, prev_hash FROM event_batches WHERE batch_id = $1 ORDER BY seq`,
      [batch.id],
    );
    expect(links.map((l) => l.seq)).toEqual([1, 2, 3, 4]);
    expect(links[0]!.prev_hash).toBeNull();
    expect(links.slice(1).every((l) => /^[0-9a-f]{64}$/.test(l.prev_hash ?? ''))).toBe(true);
  });

  it('chains a processing step onto the chains of its inputs and its output', async () => {
    const [a, b, juice] = [await batchWithHistory(), await batchWithHistory(), await createBatch(f, farm.owner, farm.product.id)];
    await recordProcessing(f, farm.owner, {
      inputs: [a, b].map((x) => ({ batchId: x.id, quantity: 50, unit: 'KGM' as const })),
      outputs: [{ batchId: juice.id }],
    });
    expect([await integrity(a.id), await integrity(b.id), await integrity(juice.id)].map((r) => [r.verified, r.records])).toEqual([
      [true, 5],
      [true, 5],
      [true, 2],
    ]);
  });

  it('names the record whose content was changed behind the application', async () => {
    const batch = await batchWithHistory();
    const second = await eventAt(batch.id, 2);
    await behindTheAppsBack(t, [
      `UPDATE events SET document = jsonb_set(document, '{quantityList,0,quantity}', '5000') WHERE id = '${second.id}'`,
    ]);
    expect((await integrity(batch.id)).firstBroken).toEqual({ seq: 2, eventId: second.event_id, problem: 'content_changed' });
  });

  it('notices a changed projection column too, not only the stored document', async () => {
    const batch = await batchWithHistory();
    const third = await eventAt(batch.id, 3);
    await behindTheAppsBack(t, [`UPDATE events SET event_time = event_time - interval '30 days' WHERE id = '${third.id}'`]);
    expect(await integrity(batch.id)).toMatchObject({ verified: false, firstBroken: { seq: 3, problem: 'content_changed' } });
  });

  it('names the place of a record that was deleted', async () => {
    const batch = await batchWithHistory();
    const second = await eventAt(batch.id, 2);
    await behindTheAppsBack(t, [
      `DELETE FROM event_batches WHERE event_id = '${second.id}'`,
      `DELETE FROM event_identifiers WHERE event_id = '${second.id}'`,
      `DELETE FROM events WHERE id = '${second.id}'`,
    ]);
    expect(await integrity(batch.id)).toMatchObject({ verified: false, firstBroken: { seq: 2, problem: 'record_missing' } });
  });

  it('notices a record slipped in with a forged link', async () => {
    const batch = await batchWithHistory();
    const fourth = await eventAt(batch.id, 4);
    await behindTheAppsBack(t, [`UPDATE event_batches SET prev_hash = repeat('0', 64) WHERE event_id = '${fourth.id}'`]);
    expect(await integrity(batch.id)).toMatchObject({
      verified: false,
      firstBroken: { seq: 4, eventId: fourth.event_id, problem: 'chain_broken' },
    });
  });

  it('keeps one unbroken chain when many writers record on the same batch at once', async () => {
    const batch = await createBatch(f, farm.owner, farm.product.id);
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        f.http.post(`/api/batches/${batch.id}/events`, { stage: 'storing', quantity: n + 1 }, { token: farm.owner.token }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(24).fill(201));
    expect(await integrity(batch.id)).toMatchObject({ verified: true, records: 25, firstBroken: null });
  });

  it('answers an unknown batch with 404', async () => {
    expectApiError(await f.http.get('/api/batches/00000000-0000-4000-8000-000000000000/integrity'), 404, 'BATCH_NOT_FOUND');
  });
});
