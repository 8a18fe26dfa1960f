import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  openCheckpoint,
  parseVerifierKey,
  type CreatedWebhook,
  type LogCheckpointDelivery,
  type TreeHeadView,
  type WebhookView,
} from '@nguon/shared';
import { sha256, verifyEd25519 } from '../../server/src/common/signing/signing-key.js';
import { TransparencyLog } from '../../server/src/transparency/transparency-log.service.js';
import { CheckpointDeliveries } from '../../server/src/webhooks/checkpoint-deliveries.js';
import { createBatch, createProducer, createUser, type Factory, type Producer, type TestUser } from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { countRows, sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { webhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const hooksOf = (p: Producer) => `/api/businesses/${p.business.id}/webhooks`;

/** Recalls a new batch of the producer: one delivery to each of its webhooks. */
async function recallSomething(f: Factory, p: Producer): Promise<void> {
  const batch = await createBatch(f, p.owner, p.product.id);
  expect(
    (await f.http.post(`/api/batches/${batch.id}/recall`, { severity: 'class_ii', reason: 'Kiểm tra webhook' }, { token: p.owner.token }))
      .status,
  ).toBe(201);
}

/**
 * Waits until every delivery to the producer's webhooks has had its first attempt written: tried
 * (attempts > 0) and no longer under the two-minute lease a send in flight holds.
 */
async function settled(t: TestApp, p: Producer): Promise<void> {
  const open = `w.business_id = $1 AND (d.attempts = 0 OR (d.status = 'pending' AND d.next_attempt_at > now() + interval '90 seconds'))`;
  for (let i = 0; i < 200; i++) {
    if ((await countRows(t, 'webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id', open, [p.business.id])) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('deliveries not tried within 10 s');
}

async function listed(f: Factory, p: Producer): Promise<WebhookView[]> {
  const response = await f.http.get<WebhookView[]>(hooksOf(p), { token: p.owner.token });
  expect(response.status).toBe(200);
  return response.body;
}

/** Only the outcome, the attempts and the times: never the receiver's status or body. */
const outcome = (status: 'delivered' | 'refused' | 'failed', retried: boolean) => ({
  status,
  attempts: 1,
  at: expect.any(String),
  nextAttemptAt: retried ? expect.any(String) : null,
});

describe('webhooks with the default policy (public internet only)', () => {
  let t: TestApp, f: Factory, admin: TestUser, receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    receiver = await webhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  it('refuses to save a webhook to this machine, a private network or a metadata service, saying why in both languages', async () => {
    const p = await createProducer(f, admin);
    const { port } = receiver;
    const portal = new URL(t.baseUrl).port;
    const forms: [string, RegExp][] = [
      [`http://127.0.0.1:${port}/hooks`, /127\.0\.0\.1 is the portal's own machine \(loopback\)/],
      [
        `http://localhost:${port}/hooks`,
        /^localhost resolves to the portal's own machine \(loopback\): the portal only calls public internet addresses\.$/,
      ],
      [`http://[::1]:${port}/hooks`, /::1 is the portal's own machine/],
      [`http://0.0.0.0:${port}/hooks`, /0\.0\.0\.0 is an unspecified address/],
      [`http://0x7f000001:${port}/hooks`, /127\.0\.0\.1 is the portal's own machine/],
      [`http://2130706433:${port}/hooks`, /127\.0\.0\.1 is the portal's own machine/],
      [`http://017700000001:${port}/hooks`, /127\.0\.0\.1 is the portal's own machine/],
      [`http://127.1:${port}/hooks`, /127\.0\.0\.1 is the portal's own machine/],
      [`http://[::ffff:127.0.0.1]:${port}/hooks`, /::ffff:7f00:1 is the portal's own machine/],
      [`http://127.0.0.1:${portal}/api/health`, /loopback/],
      [`http://localhost:${portal}/api/health`, /loopback/],
      ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a cloud metadata service/],
      ['http://[fd00:ec2::254]/latest/meta-data/', /metadata/],
      ['http://10.0.0.1/hooks', /a private network/],
      ['http://192.168.1.10:8080/hooks', /a private network/],
      ['http://100.64.0.1/hooks', /carrier-grade NAT/],
      ['http://169.254.10.1/hooks', /link-local/],
      ['http://[fe80::1]/hooks', /link-local/],
      ['http://224.0.0.1/hooks', /multicast/],
      ['http://255.255.255.255/hooks', /reserved/],
      ['http://[64:ff9b::7f00:1]/hooks', /127\.0\.0\.1|loopback/],
    ];
    for (const [url, why] of forms) {
      const en = expectApiError(
        await f.http.post(hooksOf(p), { url }, { token: p.owner.token, headers: { 'accept-language': 'en' } }),
        422,
        'URL_NOT_ALLOWED',
        ['url'],
      );
      expect({ url, message: en.message }).toEqual({ url, message: expect.stringMatching(why) });
      expect(en.fieldErrors!.url).toEqual([en.message]);
    }
    const vi = expectApiError(await f.http.post(hooksOf(p), { url: forms[0]![0] }, { token: p.owner.token }), 422, 'URL_NOT_ALLOWED', [
      'url',
    ]);
    expect(vi.message).toBe('127.0.0.1 là chính máy chủ của hệ thống (loopback): hệ thống chỉ gọi tới địa chỉ Internet công khai.');
    expect(await countRows(t, 'webhooks', 'business_id = $1', [p.business.id])).toBe(0);
    expect(receiver.received).toHaveLength(0);
  });

  it('refuses a URL of the wrong form, and a host name that does not resolve', async () => {
    const p = await createProducer(f, admin);
    const post = (url: string) => f.http.post(hooksOf(p), { url }, { token: p.owner.token, headers: { 'accept-language': 'en' } });
    expect(expectApiError(await post('ftp://example.vn/hooks'), 400, 'VALIDATION_FAILED', ['url']).fieldErrors!.url).toEqual([
      'url must start with http:// or https://',
    ]);
    expect(expectApiError(await post('https://user:secret@example.vn/hooks'), 400, 'VALIDATION_FAILED', ['url']).fieldErrors!.url).toEqual([
      'url must not contain a user name or password',
    ]);
    expect(expectApiError(await post('http://example.vn:22/'), 400, 'VALIDATION_FAILED', ['url']).fieldErrors!.url).toEqual([
      'url must use port 80, 443 or a port from 1024 up',
    ]);
    const vi = expectApiError(
      await f.http.post(hooksOf(p), { url: 'file:///etc/passwd' }, { token: p.owner.token }),
      400,
      'VALIDATION_FAILED',
      ['url'],
    );
    expect(vi.fieldErrors!.url).toEqual(['url phải bắt đầu bằng http:// hoặc https://']);
    const unknown = expectApiError(await post('https://no-such-host.invalid/hooks'), 422, 'URL_HOST_NOT_FOUND', ['url']);
    expect(unknown.message).toBe('The host name no-such-host.invalid could not be found (DNS).');
  });

  it("refuses at delivery a webhook changed behind the API's back, or whose name now resolves to this machine, and does not retry it", async () => {
    const p = await createProducer(f, admin);
    // The machine's own name resolves (through the system's resolver, as a public name would) to an address of this machine.
    const ownName = hostname();
    const [own] = await lookup(ownName, { all: true });
    expect(own).toBeDefined();
    const targets = [
      `http://127.0.0.1:${receiver.port}/a`,
      `http://localhost:${receiver.port}/b`,
      `http://[::ffff:127.0.0.1]:${receiver.port}/c`,
      `http://${ownName}:${receiver.port}/d`,
    ];
    for (const target of targets) {
      // Saved with a public address (nothing is ever sent there), then changed in the database.
      const saved = await f.http.post<CreatedWebhook>(hooksOf(p), { url: 'http://93.184.215.14/hooks' }, { token: p.owner.token });
      expect(saved.status).toBe(201);
      await sql(t, `UPDATE webhooks SET url = $2 WHERE id = $1`, [saved.body.id, target]);
    }
    await recallSomething(f, p);
    await settled(t, p);
    expect(receiver.received).toHaveLength(0);
    const rows = await sql<{ url: string; status: string; attempts: number }>(
      t,
      `SELECT w.url, d.status, d.attempts FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE w.business_id = $1 ORDER BY w.url`,
      [p.business.id],
    );
    expect(rows).toEqual([...targets].sort().map((url) => ({ url, status: 'refused', attempts: 1 })));
    expect((await listed(f, p)).map((w) => w.lastDelivery)).toEqual(targets.map(() => outcome('refused', false)));
  });
});

describe('webhooks with the operator allowing 127.0.0.1/32', () => {
  let t: TestApp, f: Factory, admin: TestUser;
  const receivers: WebhookReceiver[] = [];
  const receiver = async (...args: Parameters<typeof webhookReceiver>) => {
    const r = await webhookReceiver(...args);
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32', OUTBOUND_TIMEOUT_MS: '1000' } });
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
  });
  afterAll(async () => {
    for (const r of receivers) await r.close();
    await t?.close();
  });

  it('delivers to the allowed address, signed, and the owner sees "delivered"; other loopback addresses stay refused', async () => {
    const p = await createProducer(f, admin);
    const hook = await receiver();
    const created = await f.http.post<CreatedWebhook>(hooksOf(p), { url: hook.url }, { token: p.owner.token });
    expect(created.status).toBe(201);
    expect(created.body.lastDelivery).toBeNull();
    const delivery = hook.next();
    await recallSomething(f, p);
    const sent = await delivery;
    const [, timestamp, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(sent.headers['x-nguon-signature']))!;
    expect(createHmac('sha256', created.body.secret).update(`${timestamp}.${sent.body}`).digest('hex')).toBe(mac);
    expect(JSON.parse(sent.body)).toMatchObject({ type: 'recall.created' });
    await settled(t, p);
    expect((await listed(f, p))[0]!.lastDelivery).toEqual(outcome('delivered', false));

    for (const url of [`http://[::1]:${hook.port}/`, `http://127.0.0.2:${hook.port}/`, 'http://10.0.0.1/', 'http://169.254.169.254/']) {
      expectApiError(await f.http.post(hooksOf(p), { url }, { token: p.owner.token }), 422, 'URL_NOT_ALLOWED', ['url']);
    }
  });

  it("pushes the log's checkpoint that closed a day to the webhooks that chose it, once a day each, signed with the published key", async () => {
    const p = await createProducer(f, admin);
    const keeper = await receiver();
    const recalls = await receiver();
    const chosen = await f.http.post<CreatedWebhook>(hooksOf(p), { url: keeper.url, events: ['log.checkpoint'] }, { token: p.owner.token });
    expect(chosen.status).toBe(201);
    expect(chosen.body.events).toEqual(['log.checkpoint']);
    const plain = await f.http.post<CreatedWebhook>(hooksOf(p), { url: recalls.url }, { token: p.owner.token });
    expect(plain.body.events).toEqual(['recall.created', 'recall.lifted']);
    for (const events of [[], ['log.checkpoint', 'recall.deleted']]) {
      const refused = expectApiError(
        await f.http.post(hooksOf(p), { url: keeper.url, events }, { token: p.owner.token }),
        400,
        'VALIDATION_FAILED',
        ['events'],
      );
      expect(refused.fieldErrors!.events![0]).toMatch(
        /^(events phải có ít nhất 1 phần tử|Mỗi giá trị trong events phải là một trong các giá trị: )/,
      );
    }

    await t.app.nest.get(TransparencyLog).sequence();
    const head = (await f.http.get<TreeHeadView>('/api/transparency/tree-head')).body;
    // Tomorrow, today is a day closed: its checkpoint is the latest head. Two instances at once queue it once.
    // Noon tomorrow in Vietnam, whatever the hour of the run: an hour later is still that day (run at
    // 23:30 there, a day and an hour later was the day after, which closed tomorrow too).
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.parse(`${today}T12:00:00+07:00`) + 24 * 3600_000);
    const pushes = t.app.nest.get(CheckpointDeliveries);
    const arrived = keeper.next();
    expect((await Promise.all([pushes.queue(tomorrow), pushes.queue(tomorrow)])).sort()).toEqual([0, 1]);
    const sent = await arrived;
    const [, timestamp, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(sent.headers['x-nguon-signature']))!;
    expect(createHmac('sha256', chosen.body.secret).update(`${timestamp}.${sent.body}`).digest('hex')).toBe(mac);
    expect(sent.headers['x-nguon-event']).toBe('log.checkpoint');
    const delivered = JSON.parse(sent.body) as LogCheckpointDelivery;
    expect(delivered).toEqual({ type: 'log.checkpoint', day: today, checkpoint: head.checkpoint, verifierKey: head.verifierKey });
    const key = parseVerifierKey(String((await f.http.get<string>('/.well-known/nguon-log-key')).body))!;
    expect(await openCheckpoint(sha256, delivered.checkpoint, key, verifyEd25519)).toMatchObject({ size: head.size });

    // Run again the same day: nothing more.
    expect(await pushes.queue(new Date(tomorrow.getTime() + 3600_000))).toBe(0);
    await settled(t, p);
    expect(keeper.received).toHaveLength(1);
    expect(recalls.received).toHaveLength(0);
    // A recall reaches only the webhook that hears of recalls.
    await recallSomething(f, p);
    await settled(t, p);
    expect(recalls.received).toHaveLength(1);
    expect(keeper.received).toHaveLength(1);
  });

  it('does not follow a redirect, to an internal address or anywhere: the delivery failed and is retried later', async () => {
    const p = await createProducer(f, admin);
    const inside = await receiver();
    const redirecting = await receiver((response) => response.writeHead(307, { location: inside.url }).end());
    const metadata = await receiver((response) => response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
    for (const { url } of [redirecting, metadata])
      expect((await f.http.post(hooksOf(p), { url }, { token: p.owner.token })).status).toBe(201);
    await recallSomething(f, p);
    await settled(t, p);
    expect(redirecting.received).toHaveLength(1);
    expect(metadata.received).toHaveLength(1);
    expect(inside.received).toHaveLength(0);
    expect((await listed(f, p)).map((w) => w.lastDelivery)).toEqual([outcome('failed', true), outcome('failed', true)]);
  });

  it('gives up on a receiver that does not answer in time (OUTBOUND_TIMEOUT_MS): "failed", retried later', async () => {
    const p = await createProducer(f, admin);
    const slow = await receiver(() => undefined);
    expect((await f.http.post(hooksOf(p), { url: slow.url }, { token: p.owner.token })).status).toBe(201);
    const arrived = slow.next();
    await recallSomething(f, p);
    await arrived;
    const started = Date.now();
    await settled(t, p);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThan(700);
    expect(waited).toBeLessThan(3000);
    expect((await listed(f, p))[0]!.lastDelivery).toEqual(outcome('failed', true));
  });

  it('shows the owner "failed", never the receiver\'s status or body', async () => {
    const p = await createProducer(f, admin);
    const failing = await receiver((response) =>
      response.writeHead(500, { 'content-type': 'text/plain' }).end('stack trace of an internal service'),
    );
    expect((await f.http.post(hooksOf(p), { url: failing.url }, { token: p.owner.token })).status).toBe(201);
    await recallSomething(f, p);
    await settled(t, p);
    const [view] = await listed(f, p);
    expect(view!.lastDelivery).toEqual(outcome('failed', true));
    // The receiver answered 500: its status must not show (word-bounded, so an id or a time holding "500" is no match).
    expect(JSON.stringify(view)).not.toMatch(/\b500\b|stack trace/);
  });
});
