import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  canonicalJson,
  fromBase64,
  openCheckpoint,
  parseVerifierKey,
  toBase64,
  verifyConsistency,
  verifyInclusion,
  type BatchLogView,
  type BusinessLogView,
  type BusinessView,
  type ConsistencyProofView,
  type IntegrityReport,
  type LogEntriesView,
  type ProductView,
  type TreeHeadView,
} from '@nguon/shared';
import { EventBatchEntity, EventEntity } from '../../server/src/events/event.entity.js';
import { recordHash } from '../../server/src/events/record-hash.js';
import { moveIntoLog } from '../../server/src/transparency/transparency-log.queries.js';
import { TransparencyLog } from '../../server/src/transparency/transparency-log.service.js';
import { createBatch, createProducer, createUser, recordStage, type Factory, type Producer } from '../factories/index.js';
import { behindTheAppsBack } from '../factories/inspector.js';
import { expectApiError } from '../support/api-error.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// RFC 9162 §2.1, written here from its definitions alone, to hold the portal's proofs to.
const H = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const largestPowerBelow = (n: number) => 2 ** Math.floor(Math.log2(n - 1));
function MTH(D: Buffer[]): Buffer {
  if (D.length === 0) return H();
  if (D.length === 1) return H(Buffer.of(0), D[0]!);
  const k = largestPowerBelow(D.length);
  return H(Buffer.of(1), MTH(D.slice(0, k)), MTH(D.slice(k)));
}
function PATH(m: number, D: Buffer[]): Buffer[] {
  if (D.length <= 1) return [];
  const k = largestPowerBelow(D.length);
  return m < k ? [...PATH(m, D.slice(0, k)), MTH(D.slice(k))] : [...PATH(m - k, D.slice(k)), MTH(D.slice(0, k))];
}
function SUBPROOF(m: number, D: Buffer[], b: boolean): Buffer[] {
  if (m === D.length) return b ? [] : [MTH(D)];
  const k = largestPowerBelow(D.length);
  return m <= k ? [...SUBPROOF(m, D.slice(0, k), b), MTH(D.slice(k))] : [...SUBPROOF(m - k, D.slice(k), false), MTH(D.slice(0, k))];
}
const PROOF = (m: number, D: Buffer[]) => SUBPROOF(m, D, true);

const sha256 = async (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const run = promisify(execFile);

describe('the transparency log', () => {
  let t: TestApp;
  let f: Factory;
  let farm: Producer;
  let folder: string;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    farm = await createProducer(f, await createUser(f, { role: 'admin' }));
    folder = await mkdtemp(path.join(os.tmpdir(), 'nguon-log-'));
  });
  afterAll(async () => t?.close());

  /** Appends what is queued now, as the sequencer does within a second. */
  const sequenced = () => t.app.nest.get(TransparencyLog).sequence();

  async function batchWithHistory(lotCode: string) {
    const batch = await createBatch(f, farm.owner, farm.product.id, { lotCode });
    for (const stage of ['harvesting', 'packing', 'storing'] as const) await recordStage(f, farm.owner, batch.id, { stage, quantity: 100 });
    await sequenced();
    return batch;
  }

  /** `npm run verify`, as anyone would run it against the portal. */
  const verifier = (...args: string[]) => verifierAt(t.baseUrl, ...args);

  async function verifierAt(portal: string, ...args: string[]): Promise<{ code: number; out: string }> {
    try {
      const { stdout, stderr } = await run('node', ['server/dist/cli/verify.js', '--portal', portal, '--lang', 'en', ...args]);
      return { code: 0, out: stdout + stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, out: failed.stdout + failed.stderr };
    }
  }

  /** Recomputes the batch's chain with the portal's own hash function, so the chain checks out again. */
  async function rechain(batchId: string): Promise<void> {
    const db = t.app.database.dataSource;
    const chain = await db.getRepository(EventBatchEntity).find({ where: { batchId }, order: { seq: 'ASC' } });
    let previous: string | null = null;
    const statements: string[] = [];
    for (const link of chain) {
      const event = (await db.getRepository(EventEntity).findOneBy({ id: link.eventId }))!;
      const hash = recordHash({ ...event, links: [{ ...link, prevHash: previous }] });
      statements.push(`UPDATE event_batches SET prev_hash = ${previous ? `'${previous}'` : 'NULL'} WHERE event_id = '${link.eventId}'`);
      statements.push(`UPDATE events SET record_hash = '${hash}' WHERE id = '${link.eventId}'`);
      previous = hash;
    }
    await behindTheAppsBack(t, statements);
  }

  const eventAt = async (batchId: string, seq: number) =>
    (await sql<{ id: string }>(t, `SELECT event_id AS id FROM event_batches WHERE batch_id = $1 AND seq = $2`, [batchId, seq]))[0]!.id;
  const integrity = async (batchId: string) => (await f.http.get<IntegrityReport>(`/api/batches/${batchId}/integrity`)).body;

  it('signs its tree heads with the published key, and proves inclusion and consistency as RFC 9162 defines them', async () => {
    await batchWithHistory('RFC-A');
    const first = (await f.http.get<TreeHeadView>('/api/transparency/tree-head')).body;
    const keyText = (await f.http.get<string>('/.well-known/nguon-log-key')).body;
    expect(keyText).toBe(first.verifierKey);
    const key = parseVerifierKey(String(keyText))!;
    const verify = async (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) =>
      (await import('node:crypto')).verify(
        null,
        message,
        (await import('node:crypto')).createPublicKey({
          key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
          format: 'jwk',
        }),
        signature,
      );
    const opened = (await openCheckpoint(sha256, first.checkpoint, key, verify))!;
    expect(opened).toMatchObject({ origin: 'nguon.test/log', size: first.size });
    // Signed by no other key, and not over another size.
    const forged = first.checkpoint.replace(`\n${first.size}\n`, `\n${first.size + 1}\n`);
    expect(await openCheckpoint(sha256, forged, key, verify)).toBeNull();

    const second = await batchWithHistory('RFC-B');
    await recordStage(f, farm.owner, second.id, { stage: 'storing', quantity: 50 });
    await sequenced();
    const head = (await f.http.get<TreeHeadView>('/api/transparency/tree-head')).body;
    const entries = (await f.http.get<LogEntriesView>('/api/transparency/entries')).body.entries;
    expect(entries.map((e) => e.position)).toEqual([...Array(head.size).keys()]);
    const D = entries.map((e) => Buffer.from(canonicalJson(e.entry), 'utf8'));
    // A size that is no power of two, so that the RFC's uneven splits are taken.
    expect(head.size & (head.size - 1)).not.toBe(0);
    expect(head.rootHash).toBe(toBase64(MTH(D)));

    const view = (await f.http.get<BatchLogView>(`/api/batches/${second.id}/log`)).body;
    expect(view.logged).toHaveLength(5);
    for (const record of view.logged) {
      expect(record.inclusionPath).toEqual(PATH(record.position, D).map(toBase64));
      const leaf = H(Buffer.of(0), D[record.position]!);
      const proof = { index: record.position, size: head.size, leaf, path: record.inclusionPath.map(fromBase64) };
      expect(await verifyInclusion(sha256, proof, MTH(D))).toBe(true);
      expect(await verifyInclusion(sha256, { ...proof, index: record.position ^ 1 }, MTH(D))).toBe(false);
    }
    for (const from of [0, 1, first.size, head.size - 1, head.size]) {
      const proof = (await f.http.get<ConsistencyProofView>(`/api/transparency/consistency?from=${from}&to=${head.size}`)).body;
      expect(proof.path).toEqual((from === 0 ? [] : PROOF(from, D)).map(toBase64));
      const older = { size: from, root: MTH(D.slice(0, from)) };
      expect(await verifyConsistency(sha256, older, { size: head.size, root: MTH(D) }, proof.path.map(fromBase64))).toBe(true);
      if (from > 0 && from < head.size)
        expect(
          await verifyConsistency(
            sha256,
            { size: from, root: MTH(D.slice(1, from + 1)) },
            { size: head.size, root: MTH(D) },
            proof.path.map(fromBase64),
          ),
        ).toBe(false);
    }
    expectApiError(await f.http.get(`/api/transparency/consistency?from=${head.size}&to=${head.size + 5}`), 400, 'LOG_RANGE_INVALID');
    expectApiError(await f.http.get('/api/transparency/consistency?from=-1&to=x'), 400, 'VALIDATION_FAILED');
  });

  it('lets the CLI find a content change with a recomputed chain, against a head saved before it', async () => {
    const batch = await batchWithHistory('TAMPER-CONTENT');
    const saved = path.join(folder, 'content.json');
    expect(await verifier('--batch', batch.id, '--save', saved)).toMatchObject({ code: 0, out: expect.stringContaining('CONSISTENT') });
    expect(JSON.parse(await readFile(saved, 'utf8'))).toMatchObject({ checkpoint: expect.stringContaining('nguon.test/log\n') });

    const second = await eventAt(batch.id, 2);
    await behindTheAppsBack(t, [`UPDATE events SET document = jsonb_set(document, '{nguon:note}', '"đã sửa"') WHERE id = '${second}'`]);
    await rechain(batch.id);
    const [stored] = await sql<{ event_id: string }>(t, `SELECT event_id FROM events WHERE id = $1`, [second]);

    // The chain is whole again; the log still holds what was recorded.
    expect(await integrity(batch.id)).toMatchObject({ verified: false, firstBroken: { seq: 2, problem: 'not_as_logged' } });
    const found = await verifier('--head', saved, '--batch', batch.id);
    expect(found.code).toBe(1);
    expect(found.out).toContain(`INCONSISTENT: record 2 of the batch (${stored!.event_id}) differs from the log`);

    const [logged] = await sql<{ entry: unknown }>(t, `SELECT entry FROM log_leaves WHERE entry ->> 'id' = $1::text`, [second]);
    // Covering it in the log too leaves a record that is no longer in the signed tree.
    await sql(
      t,
      `UPDATE log_leaves SET entry = jsonb_set(entry, '{hash}', to_jsonb((SELECT record_hash FROM events WHERE id = $1::uuid))) WHERE entry ->> 'id' = $1::text`,
      [second],
    );
    expect((await verifier('--head', saved, '--batch', batch.id)).out).toMatch(
      /INCONSISTENT: the record at position \d+ of the log is not in the signed tree head/,
    );
    expect(await integrity(batch.id)).toMatchObject({ verified: false, firstBroken: { seq: 0, problem: 'not_as_logged' } });
    expect((await verifier('--head', saved, '--all')).out).toContain('INCONSISTENT: the log’s records do not recompute to the signed root');
    await sql(t, `UPDATE log_leaves SET entry = $2::jsonb WHERE entry ->> 'id' = $1::text`, [second, JSON.stringify(logged!.entry)]);
  });

  it('finds a deleted record and a reordered one, each behind a recomputed chain', async () => {
    const deleted = await batchWithHistory('TAMPER-DELETE');
    const reordered = await batchWithHistory('TAMPER-ORDER');
    const saved = path.join(folder, 'order.json');
    expect((await verifier('--save', saved)).code).toBe(0);

    const third = await eventAt(deleted.id, 3);
    await behindTheAppsBack(t, [
      `DELETE FROM event_identifiers WHERE event_id = '${third}'`,
      `DELETE FROM event_batches WHERE event_id = '${third}'`,
      `DELETE FROM events WHERE id = '${third}'`,
      `UPDATE event_batches SET seq = seq - 1 WHERE batch_id = '${deleted.id}' AND seq > 3`,
    ]);
    await rechain(deleted.id);
    const [two, three] = [await eventAt(reordered.id, 2), await eventAt(reordered.id, 3)];
    await behindTheAppsBack(t, [
      `UPDATE event_batches SET seq = 99 WHERE event_id = '${two}'`,
      `UPDATE event_batches SET seq = 2 WHERE event_id = '${three}'`,
      `UPDATE event_batches SET seq = 3 WHERE event_id = '${two}'`,
    ]);
    await rechain(reordered.id);

    for (const batch of [deleted, reordered]) {
      expect(await integrity(batch.id)).toMatchObject({ verified: false, firstBroken: { problem: 'not_as_logged' } });
      const found = await verifier('--head', saved, '--batch', batch.id);
      expect(found.code).toBe(1);
      expect(found.out).toMatch(/INCONSISTENT: record \d of the batch .* differs from the log/);
    }
    // The log itself is untouched: it only grew since the saved head.
    expect(await verifier('--head', saved, '--all')).toMatchObject({ code: 0, out: expect.stringContaining('CONSISTENT: the whole log') });
  });

  it('finds a batch un-recalled by an UPDATE', async () => {
    const batch = await batchWithHistory('TAMPER-RECALL');
    const inspector = await createUser(f, { role: 'inspector' });
    const recalled = await f.http.post(
      `/api/batches/${batch.id}/recall`,
      { reason: 'Dư lượng thuốc bảo vệ thực vật vượt ngưỡng', severity: 'class_i' },
      { token: inspector.token },
    );
    expect(recalled.status).toBe(201);
    await sequenced();
    const saved = path.join(folder, 'recall.json');
    expect(await verifier('--batch', batch.id, '--save', saved)).toMatchObject({ code: 0 });
    expect(await integrity(batch.id)).toMatchObject({ verified: true });

    await sql(t, `UPDATE batches SET status = 'active', recall_reason = NULL, recalled_at = NULL WHERE id = $1`, [batch.id]);
    await sql(t, `UPDATE recalls SET lifted_at = now() WHERE batch_id = $1`, [batch.id]);
    expect(await integrity(batch.id)).toMatchObject({ verified: false, firstBroken: { problem: 'recall_not_as_logged' } });
    const found = await verifier('--head', saved, '--batch', batch.id);
    expect(found).toMatchObject({ code: 1, out: expect.stringContaining('recall state differs from the recall decisions in the log') });
  });

  it('lets the CLI check a business: its status decisions and certificates as logged, then each of its batches', async () => {
    const admin = await createUser(f, { role: 'admin' });
    const shop = await createProducer(f, admin);
    const id = shop.business.id;
    const owner = { token: shop.owner.token };
    const certificate = { kind: 'vietgap', name: 'VietGAP trồng trọt', issuer: 'Trung tâm Chứng nhận Hà Tĩnh', validTo: '2027-06-30' };
    const own = await f.http.post<BusinessView>(`/api/businesses/${id}/certificates`, certificate, owner);
    const [kept] = own.body.certificates;
    const added = await f.http.post<ProductView>(
      `/api/products/${shop.product.id}/certificates`,
      { ...certificate, kind: 'ocop', stars: 4 },
      owner,
    );
    const productCertificate = added.body.certificates.at(-1)!;
    expect(
      (
        await f.http.request('PATCH', `/api/products/${shop.product.id}/certificates/${productCertificate.id}`, {
          ...owner,
          body: { stars: 5 },
        })
      ).status,
    ).toBe(200);
    const removed = await f.http.post<BusinessView>(`/api/businesses/${id}/certificates`, { ...certificate, name: 'Bỏ đi' }, owner);
    const gone = removed.body.certificates.find((c) => c.name === 'Bỏ đi')!;
    expect((await f.http.request('DELETE', `/api/businesses/${id}/certificates/${gone.id}`, owner)).status).toBe(204);
    const batch = await createBatch(f, shop.owner, shop.product.id, { lotCode: 'BIZ-1' });
    await recordStage(f, shop.owner, batch.id, { stage: 'harvesting', quantity: 10 });
    await sequenced();

    const view = (await f.http.get<BusinessLogView>(`/api/businesses/${id}/log`)).body;
    // Registered, then verified; three certificates added, one changed, one removed.
    expect(view.logged.map((r) => r.entry.kind)).toEqual([
      'business_status',
      'business_status',
      'certificate',
      'certificate',
      'certificate',
      'certificate',
      'certificate_removal',
    ]);
    expect(view.batchIds).toEqual([batch.id]);
    const saved = path.join(folder, 'business.json');
    expect(await verifier('--business', id, '--save', saved)).toMatchObject({
      code: 0,
      out: expect.stringContaining(`CONSISTENT: business ${id}: its status, certificates (2) and batches (1) as logged`),
    });

    // Suspended by an administrator, then reinstated by an UPDATE.
    const suspended = await f.http.post(`/api/businesses/${id}/suspend`, { reason: 'Hồ sơ giả mạo' }, { token: admin.token });
    expect(suspended.status).toBe(200);
    await sequenced();
    expect((await verifier('--head', saved, '--business', id)).code).toBe(0);
    const [before] = await sql<Record<string, unknown>>(t, `SELECT status, status_reason FROM businesses WHERE id = $1`, [id]);
    await sql(t, `UPDATE businesses SET status = 'verified', status_reason = NULL WHERE id = $1`, [id]);
    expect(await verifier('--head', saved, '--business', id)).toMatchObject({
      code: 1,
      out: expect.stringContaining('INCONSISTENT: the business’s status differs from its last decision in the log'),
    });
    await sql(t, `UPDATE businesses SET status = $2, status_reason = $3 WHERE id = $1`, [id, before!.status, before!.status_reason]);

    // A certificate's end pushed back, one deleted, one slipped in: each named.
    await sql(t, `UPDATE certificates SET valid_to = '2099-12-31' WHERE id = $1`, [kept!.id]);
    expect(await verifier('--head', saved, '--business', id)).toMatchObject({
      code: 1,
      out: expect.stringContaining(`INCONSISTENT: certificate ${kept!.id} of the business differs from the log (changed, or never logged)`),
    });
    await sql(t, `UPDATE certificates SET valid_to = '2027-06-30' WHERE id = $1`, [kept!.id]);
    expect((await verifier('--head', saved, '--business', id)).code).toBe(0);
    const [row] = await sql<Record<string, unknown>>(t, `SELECT * FROM certificates WHERE id = $1`, [productCertificate.id]);
    await sql(t, `DELETE FROM certificates WHERE id = $1`, [productCertificate.id]);
    expect(await verifier('--head', saved, '--business', id)).toMatchObject({
      code: 1,
      out: expect.stringContaining(`INCONSISTENT: certificate ${productCertificate.id}, which the log holds, is gone from the portal`),
    });
    const columns = Object.keys(row!);
    await sql(
      t,
      `INSERT INTO certificates (${columns.join(', ')}) VALUES (${columns.map((_, n) => `$${n + 1}`).join(', ')})`,
      Object.values(row!),
    );
    const [slipped] = await sql<{ id: string }>(
      t,
      `INSERT INTO certificates (business_id, kind, name, issuer) VALUES ($1, 'organic', 'Hữu cơ', 'Không ai') RETURNING id`,
      [id],
    );
    expect((await verifier('--head', saved, '--business', id)).out).toContain(
      `INCONSISTENT: certificate ${slipped!.id} of the business differs from the log (changed, or never logged)`,
    );
    await sql(t, `DELETE FROM certificates WHERE id = $1`, [slipped!.id]);

    // Its batches are held to the log too.
    await sql(t, `UPDATE batches SET status = 'recalled' WHERE id = $1`, [batch.id]);
    expect(await verifier('--head', saved, '--business', id)).toMatchObject({
      code: 1,
      out: expect.stringContaining(
        `INCONSISTENT: batch ${batch.id}: the batch’s recall state differs from the recall decisions in the log`,
      ),
    });
    await sql(t, `UPDATE batches SET status = 'active' WHERE id = $1`, [batch.id]);
    expect(await verifier('--head', saved, '--business', id)).toMatchObject({ code: 0, out: expect.stringContaining('CONSISTENT') });
  });

  it('lets the CLI wait out the portal’s rate limit as it asks (Retry-After) rather than stop', async () => {
    const batch = await batchWithHistory('RATE-1');
    // In front of the portal: the batch's first request refused as the public rate limit refuses it.
    let refused = 0;
    const front = createServer((request, response) => {
      if (request.url === `/api/batches/${batch.id}/log` && refused++ === 0) {
        response.writeHead(429, { 'retry-after': '1' }).end();
        return;
      }
      void fetch(`${t.baseUrl}${request.url}`).then(async (answer) => {
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
        response.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    try {
      const { code, out } = await verifierAt(`http://127.0.0.1:${(front.address() as AddressInfo).port}`, '--batch', batch.id);
      expect({ code, refused }).toEqual({ code: 0, refused: 2 });
      expect(out).toContain('The portal limits requests: waiting 1 s, then going on.');
      expect(out).toContain(`CONSISTENT: batch ${batch.id}`);
    } finally {
      front.close();
    }
  });

  it('takes thousands of queued records in one pass over the queue, even by statistics taken while it was empty', async () => {
    // Statistics said "empty" while 20,000 records waited: the planner rescanned the queue for each
    // record taken (13 s for 5,000 on the embedded database, its one session held all along).
    await sequenced();
    const db = t.app.database.dataSource;
    await db.query('ANALYZE log_pending');
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(
        `INSERT INTO log_pending (entry)
         SELECT jsonb_build_object('kind', 'event', 'id', gen_random_uuid(), 'hash', md5(g::text), 'batches', '[]'::jsonb)
           FROM generate_series(1, 20000) g`,
      );
      const plan: string[] = [];
      const explaining = {
        query: async (text: string, params: unknown[]) => {
          const rows = (await runner.query(`EXPLAIN ${text}`, params)) as { 'QUERY PLAN': string }[];
          plan.push(...rows.map((row) => row['QUERY PLAN']));
          return [];
        },
      } as unknown as EntityManager;
      await moveIntoLog(explaining, 0, 5000);
      // The oldest ids are read once (an InitPlan) and the rows deleted through the key: no join with the queue.
      expect(plan.join('\n')).toMatch(/InitPlan/);
      expect(plan.join('\n')).not.toMatch(/Join|Nested Loop/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('publishes the checkpoint that closed each day, once the day is over', async () => {
    const vietnamDay = (at: number) => new Date(at + 7 * 3600_000).toISOString().slice(0, 10);
    const [today, yesterday] = [vietnamDay(Date.now()), vietnamDay(Date.now() - 24 * 3600_000)];
    expectApiError(await f.http.get(`/api/transparency/checkpoints/${today}`), 404, 'LOG_DAY_NOT_CLOSED');
    expectApiError(await f.http.get('/api/transparency/checkpoints/2026-13-01'), 400, 'VALIDATION_FAILED');
    // A day that does not exist is refused, not rolled over into March.
    expectApiError(await f.http.get('/api/transparency/checkpoints/2026-02-31'), 400, 'VALIDATION_FAILED');
    // The heads signed so far, as if signed late yesterday: the last of them closed the day.
    const [last] = await sql<{ checkpoint: string }>(t, `SELECT checkpoint FROM log_tree_heads ORDER BY size DESC LIMIT 1`);
    await sql(t, `UPDATE log_tree_heads SET signed_at = $1::date + interval '16 hours'`, [yesterday]);
    const published = await f.http.get<string>(`/api/transparency/checkpoints/${yesterday}`);
    expect(published.status).toBe(200);
    expect(published.headers.get('content-type')).toContain('text/plain');
    expect(published.body).toBe(last!.checkpoint);
    // Within a minute of midnight a head signed just before it may still be committing: not closed yet.
    const midnight = Date.parse(`${yesterday}T00:00:00+07:00`) + 24 * 3600_000;
    await expect(t.app.nest.get(TransparencyLog).dailyCheckpoint(yesterday, new Date(midnight + 30_000))).rejects.toMatchObject({
      code: 'LOG_DAY_NOT_CLOSED',
    });
    expect(await t.app.nest.get(TransparencyLog).dailyCheckpoint(yesterday, new Date(midnight + 60_000))).toBe(last!.checkpoint);
  });

  it('refuses a head signed with another key, and a log that lost records', async () => {
    const saved = path.join(folder, 'shrink.json');
    expect((await verifier('--save', saved)).code).toBe(0);
    const head = JSON.parse(await readFile(saved, 'utf8'));
    const otherKey = (await import('node:crypto')).generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!;
    const [name] = head.verifierKey.split('+');
    const { verifierKey } = await import('@nguon/shared');
    const foreign = path.join(folder, 'foreign.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(foreign, JSON.stringify({ ...head, verifierKey: await verifierKey(sha256, name, Buffer.from(otherKey, 'base64url')) }));
    expect((await verifier('--head', foreign)).out).toContain('INCONSISTENT: the log’s tree head is not signed with the log’s key');

    // Someone rewrites the log's tables to drop its last record, and puts back an older signed head.
    const size = Number(head.checkpoint.split('\n')[1]);
    await sql(t, `DELETE FROM log_tree_heads WHERE size >= $1`, [size]);
    const code = await verifier('--head', saved);
    expect(code).toMatchObject({ code: 1, out: expect.stringContaining('INCONSISTENT: the log shrank') });
  });
});
