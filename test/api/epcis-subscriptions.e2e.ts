import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BatchView, EventView } from '@nguon/shared';
import pg from 'pg';
import { WebSocket } from 'ws';
import { createApiKey, createBatch, createProducer, createUser, recordStage, type Factory, type Producer } from '../factories/index.js';
import { expectApiError } from '../support/api-error.js';
import { appsOnOneDatabase, until, type SharedDatabase } from '../support/server-process.js';
import { httpClient, type HttpClient } from '../support/http.js';
import type { TestApp } from '../support/test-app.js';
import { webhookReceiver, type Received, type WebhookReceiver } from '../support/webhook-receiver.js';

type Credential = { token: string; id: string };
type QueryDocument = { epcisBody: { queryResults: { subscriptionID?: string; resultsBody: { eventList: { eventID: string }[] } } } };

const SIGNATURE_TOKEN = 'the-subscriber-own-secret-0123456789';
/** Whether two instances can share the database (PostgreSQL); the embedded one is one process's. */
const SEVERAL_INSTANCES = Boolean(process.env.DATABASE_URL);

const eventIdsOf = (document: QueryDocument) => document.epcisBody.queryResults.resultsBody.eventList.map((event) => event.eventID);

/** A WebSocket subscription's client, keeping the documents it is sent. */
async function socket(baseUrl: string, path: string, token: string) {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const documents: QueryDocument[] = [];
  let closed: { code: number; reason: string } | null = null;
  ws.on('message', (data) => documents.push(JSON.parse(String(data)) as QueryDocument));
  ws.on('close', (code, reason) => (closed = { code, reason: String(reason) }));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, documents, closed: () => closed, eventIds: () => documents.flatMap(eventIdsOf) };
}

/** The refusal of a WebSocket handshake: its status and problem body. */
async function refusedHandshake(baseUrl: string, path: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return new Promise((resolve, reject) => {
    ws.once('open', () => reject(new Error('the handshake was accepted')));
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (part: Buffer) => (body += part));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(body) as Record<string, unknown> }));
    });
  });
}

/** The deliveries of one subscription. */
const deliveriesOf = (received: Received[], subscriptionId: string) =>
  received.filter((delivery) => (JSON.parse(delivery.body) as QueryDocument).epcisBody.queryResults.subscriptionID === subscriptionId);

/** The deliveries' event IDs, in the order they came, checking each is a signed EPCISQueryDocument of the subscription. */
function deliveredEventIds(received: Received[], subscriptionId: string): string[] {
  return deliveriesOf(received, subscriptionId).flatMap((delivery) => {
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(delivery.headers['gs1-signature'])) ?? [];
    expect(v1).toBe(createHmac('sha256', SIGNATURE_TOKEN).update(`${t}.${delivery.body}`).digest('hex'));
    expect(delivery.headers['content-type']).toBe('application/ld+json');
    const document = JSON.parse(delivery.body) as QueryDocument & { type: string };
    expect(document.type).toBe('EPCISQueryDocument');
    expect(document.epcisBody.queryResults.subscriptionID).toBe(subscriptionId);
    return eventIdsOf(document);
  });
}

describe('EPCIS named queries and subscriptions', () => {
  const apps = appsOnOneDatabase('nguon-subscriptions-');
  const env = { OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32' };
  let database: SharedDatabase;
  let a: TestApp;
  let b: TestApp;
  let f: Factory;
  let grower: Producer;
  let other: Producer;
  let key: Credential;
  let otherKey: Credential;
  let batch: BatchView;
  let receiver: WebhookReceiver;

  const http = (app: TestApp): HttpClient => httpClient(app.baseUrl);
  const inspected = async (app: TestApp): Promise<EventView> =>
    recordStage({ ...f, http: http(app) }, grower.owner, batch.id, { stage: 'inspecting', passed: true });
  const harvested = async (app: TestApp): Promise<EventView> =>
    recordStage({ ...f, http: http(app) }, grower.owner, batch.id, { stage: 'harvesting', quantity: 10 });

  beforeAll(async () => {
    database = await apps.database();
    a = await apps.start(database, env);
    b = SEVERAL_INSTANCES ? await apps.start(database, env) : a;
    f = { http: http(a), testApp: a };
    const admin = await createUser(f, { role: 'admin' });
    grower = await createProducer(f, admin);
    other = await createProducer(f, admin);
    key = await createApiKey(f, grower.owner, grower.business.id, { scopes: ['read'] });
    otherKey = await createApiKey(f, other.owner, other.business.id, { scopes: ['read'] });
    batch = await createBatch(f, grower.owner, grower.product.id);
    receiver = await webhookReceiver(204);
  });

  afterAll(async () => {
    await receiver?.close();
    await apps.close();
  });

  describe('named queries', () => {
    it('stores a query under a name, lists it, reads its events and refuses what it cannot run', async () => {
      const created = await f.http.post(
        '/epcis/queries',
        { name: 'inspections', query: { EQ_bizStep: ['inspecting'] } },
        { token: key.token },
      );
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe('/epcis/queries/inspections');

      const again = await f.http.post<{ type: string }>('/epcis/queries', { name: 'inspections', query: {} }, { token: key.token });
      expect(again.status).toBe(409);
      expect(again.body.type).toBe('epcisException:ResourceAlreadyExistsException');

      const bad = await f.http.post<{ fieldErrors: Record<string, string[]> }>(
        '/epcis/queries',
        { name: 'bad', query: { EQ_action: ['SHIP'], perPage: 5 } },
        { token: key.token },
      );
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fieldErrors)).toEqual(['query.perPage']);
      const badAction = await f.http.post<{ fieldErrors: Record<string, string[]> }>(
        '/epcis/queries',
        { name: 'bad', query: { EQ_action: ['SHIP'], NOT_A_PARAMETER: 1 } },
        { token: key.token },
      );
      expect(badAction.status).toBe(400);
      expect(Object.keys(badAction.body.fieldErrors).sort()).toEqual(['query.EQ_action', 'query.NOT_A_PARAMETER']);
      const badName = await f.http.post('/epcis/queries', { name: 'no spaces please', query: {} }, { token: key.token });
      expect(badName.status).toBe(400);
      // A definition may declare the prefixes of its extension field parameters, as the query schema allows.
      const withContext = await f.http.post(
        '/epcis/queries',
        { name: 'graded', query: { '@context': [{ ex: 'https://ex.example/voc/' }], 'EQ_ILMD_ex:grade': ['A'] } },
        { token: key.token },
      );
      expect(withContext.status).toBe(201);
      expect(eventIdsOf((await f.http.get<QueryDocument>('/epcis/queries/graded/events', { token: key.token })).body)).toEqual([]);
      expect((await f.http.request('DELETE', '/epcis/queries/graded', { token: key.token })).status).toBe(204);

      const first = await inspected(a);
      const second = await inspected(a);
      await harvested(a);
      const page = await f.http.get<QueryDocument>('/epcis/queries/inspections/events?perPage=1', { token: key.token });
      expect(page.status).toBe(200);
      expect(eventIdsOf(page.body)).toEqual([first.eventId]);
      // The next page repeats only the paging: the rest is the query's.
      const next = /<([^>]+)>; rel="next"/.exec(page.headers.get('link') ?? '')![1]!;
      expect(next).toMatch(/^http:\/\/nguon\.test\/epcis\/queries\/inspections\/events\?perPage=1&nextPageToken=/);
      const rest = await f.http.get<QueryDocument>(next.replace('http://nguon.test', ''), { token: key.token });
      expect(eventIdsOf(rest.body)).toEqual([second.eventId]);

      const listed = await f.http.get('/epcis/queries', { token: key.token });
      expect(listed.body).toEqual([{ name: 'inspections', query: { EQ_bizStep: ['inspecting'] } }]);
      expect((await f.http.get('/epcis/queries/inspections', { token: key.token })).body).toEqual({
        name: 'inspections',
        query: { EQ_bizStep: ['inspecting'] },
      });
      // Another business has no query of that name, and cannot subscribe to this one.
      expect((await f.http.get('/epcis/queries/inspections', { token: otherKey.token })).status).toBe(404);
      expect((await f.http.get('/epcis/queries', { token: otherKey.token })).body).toEqual([]);
      const theirs = await f.http.post(
        '/epcis/queries/inspections/subscriptions',
        { dest: receiver.url, stream: true },
        { token: otherKey.token },
      );
      expect(theirs.status).toBe(404);
    });
  });

  describe('subscriptions', () => {
    it('refuses a subscription that does not say when to send, or says it wrongly, or sends to an internal address', async () => {
      const post = (body: Record<string, unknown>) =>
        f.http.post<{ fieldErrors: Record<string, string[]> }>('/epcis/queries/inspections/subscriptions', body, { token: key.token });
      const none = await post({ dest: receiver.url });
      expect(none.status).toBe(400);
      expect(none.body.fieldErrors.stream![0]).toMatch(/stream.*schedule/);
      expect((await post({ dest: receiver.url, stream: true, schedule: { hour: '1' } })).status).toBe(400);
      const badHour = await post({ dest: receiver.url, schedule: { hour: '25' } });
      expect(badHour.status).toBe(400);
      expect(Object.keys(badHour.body.fieldErrors)).toEqual(['schedule.hour']);
      expect((await post({ dest: receiver.url, stream: true, reportIfEmpty: true })).status).toBe(400);
      expect((await post({ dest: 'http://169.254.169.254/latest', stream: true })).status).toBe(422);
      expect((await post({ dest: receiver.url, stream: true, signatureToken: 'short' })).status).toBe(400);
    });

    it('sends exactly the matching events of captures on two instances to a webhook and a WebSocket, through a restart', async () => {
      const subscribed = await f.http.post<{ subscriptionID: string; stream: boolean }>(
        '/epcis/queries/inspections/subscriptions',
        { dest: receiver.url, signatureToken: SIGNATURE_TOKEN, stream: true },
        { token: key.token },
      );
      expect(subscribed.status).toBe(201);
      const subscriptionId = subscribed.body.subscriptionID;
      expect(subscribed.headers.get('location')).toBe(`/epcis/queries/inspections/subscriptions/${subscriptionId}`);
      // The socket is held by the other instance: what is captured on the first reaches it through the database.
      const client = await socket(b.baseUrl, '/epcis/queries/inspections/events?stream=true', key.token);

      const captured = [await inspected(a)];
      await harvested(a);
      captured.push(await inspected(b));
      const wanted = captured.map((event) => event.eventId);
      await until('the webhook and the socket to receive two events', async () =>
        deliveredEventIds(receiver.received, subscriptionId).length >= 2 && client.eventIds().length >= 2 ? true : undefined,
      );

      // The instance that ran the subscription goes; another takes its place and goes on from where it stopped.
      if (SEVERAL_INSTANCES) {
        await apps.stop(a);
        a = await apps.start(database, env);
      } else {
        client.ws.close();
        await apps.stop(a);
        a = b = await apps.start(database, env);
      }
      f = { http: http(a), testApp: a };
      captured.push(await inspected(a));
      wanted.push(captured[2]!.eventId);
      await until('the webhook to receive the third event', async () =>
        deliveredEventIds(receiver.received, subscriptionId).length >= 3 ? true : undefined,
      );
      // Two sweeps' worth of quiet: nothing more comes, and nothing came twice.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(deliveredEventIds(receiver.received, subscriptionId)).toEqual(wanted);
      if (SEVERAL_INSTANCES) {
        await until('the socket to receive the third event', async () => (client.eventIds().length >= 3 ? true : undefined));
        expect(client.eventIds()).toEqual(wanted);
      } else {
        expect(client.eventIds()).toEqual(wanted.slice(0, 2));
      }

      const view = await http(a).get<{ lastNotifiedAt: string; active: boolean; stream: boolean }>(
        `/epcis/queries/inspections/subscriptions/${subscriptionId}`,
        { token: key.token },
      );
      expect(view.body).toMatchObject({ active: true, stream: true, lastNotifiedAt: expect.any(String) });
      client.ws.close();
      receiver.received.splice(0);
    });

    (SEVERAL_INSTANCES ? it : it.skip)(
      "waits for a transaction still open in this database, and for none of another database's",
      async () => {
        const subscribed = await http(a).post<{ subscriptionID: string }>(
          '/epcis/queries/inspections/subscriptions',
          { dest: receiver.url, signatureToken: SIGNATURE_TOKEN, stream: true },
          { token: key.token },
        );
        const id = subscribed.body.subscriptionID;
        const open = async (connectionString: string) => {
          const client = new pg.Client({ connectionString });
          await client.connect();
          await client.query('BEGIN');
          await client.query('SELECT pg_current_xact_id()');
          return client;
        };
        // Another database on the server (another application, another test) keeps a transaction open.
        const elsewhere = await open(process.env.DATABASE_URL!);
        try {
          const first = await inspected(a);
          await until('the event despite the other database', async () =>
            deliveredEventIds(receiver.received, id).length ? true : undefined,
          );
          expect(deliveredEventIds(receiver.received, id)).toEqual([first.eventId]);

          // A transaction of this database that began earlier might still record events: the window stops before it.
          const here = await open(database.databaseUrl!);
          const second = await inspected(a);
          await new Promise((resolve) => setTimeout(resolve, 1_500));
          expect(deliveredEventIds(receiver.received, id)).toEqual([first.eventId]);
          await here.query('COMMIT');
          await here.end();
          await inspected(b).then((third) =>
            until('the held events once it ended', async () =>
              deliveredEventIds(receiver.received, id).length === 3 ? true : undefined,
            ).then(() => expect(deliveredEventIds(receiver.received, id)).toEqual([first.eventId, second.eventId, third.eventId])),
          );
        } finally {
          await elsewhere.query('ROLLBACK');
          await elsewhere.end();
        }
        expect((await http(a).request('DELETE', `/epcis/queries/inspections/subscriptions/${id}`, { token: key.token })).status).toBe(204);
      },
    );

    (SEVERAL_INSTANCES ? it : it.skip)(
      'sends a stream socket the event a running transaction held back once it ends, though it recorded nothing',
      async () => {
        const client = await socket(a.baseUrl, '/epcis/queries/inspections/events?stream=true', key.token);
        // A transaction of this database that began earlier, and will record no event (as the log's sequencer).
        const here = new pg.Client({ connectionString: database.databaseUrl! });
        await here.connect();
        try {
          await here.query('BEGIN');
          await here.query('SELECT pg_current_xact_id()');
          const held = await inspected(a);
          await new Promise((resolve) => setTimeout(resolve, 600));
          expect(client.eventIds()).toEqual([]);
          await here.query('COMMIT');
          await until('the held event without another', async () => (client.eventIds().length ? true : undefined), 5_000);
          expect(client.eventIds()).toEqual([held.eventId]);
        } finally {
          await here.end();
          client.ws.close();
        }
      },
    );

    it('runs a schedule, reporting an empty result when asked, and stops when its key is revoked', async () => {
      const reader = await createApiKey(f, grower.owner, grower.business.id, { scopes: ['read'] });
      const subscribed = await http(a).post<{ subscriptionID: string }>(
        '/epcis/queries/inspections/subscriptions',
        { dest: receiver.url, signatureToken: SIGNATURE_TOKEN, schedule: { second: '[0-59]' }, reportIfEmpty: true },
        { token: reader.token },
      );
      expect(subscribed.status).toBe(201);
      const id = subscribed.body.subscriptionID;
      await until('an empty scheduled document', async () => (deliveriesOf(receiver.received, id).length > 0 ? true : undefined));
      expect(deliveredEventIds(receiver.received, id)).toEqual([]);

      const revoked = await http(a).request('DELETE', `/api/businesses/${grower.business.id}/api-keys/${reader.id}`, {
        token: grower.owner.token,
      });
      expect(revoked.status).toBe(204);
      await until('the subscription to be suspended', async () => {
        const view = await http(a).get<{ active: boolean }>(`/epcis/queries/inspections/subscriptions/${id}`, { token: key.token });
        return view.body.active === false ? true : undefined;
      });
      const count = deliveriesOf(receiver.received, id).length;
      await inspected(a);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(deliveriesOf(receiver.received, id)).toHaveLength(count);
      expect((await http(a).request('DELETE', `/epcis/queries/inspections/subscriptions/${id}`, { token: key.token })).status).toBe(204);
      expect((await http(a).get(`/epcis/queries/inspections/subscriptions/${id}`, { token: key.token })).status).toBe(404);
    });

    it('keeps at most 20 subscriptions to a query and 200 queries to an owner, saying so', async () => {
      const mine = await createApiKey(f, grower.owner, grower.business.id, { scopes: ['read'] });
      const other = await createProducer(f, await createUser(f, { role: 'admin' }));
      const theirs = await createApiKey(f, other.owner, other.business.id, { scopes: ['read'] });
      expect((await http(a).post('/epcis/queries', { name: 'q0', query: {} }, { token: theirs.token })).status).toBe(201);
      const subscribe = () =>
        http(a).post('/epcis/queries/q0/subscriptions', { dest: receiver.url, schedule: { hour: '3' } }, { token: theirs.token });
      for (let n = 0; n < 20; n++) expect((await subscribe()).status).toBe(201);
      expectApiError(await subscribe(), 409, 'SUBSCRIPTION_LIMIT_REACHED');
      for (let n = 1; n < 200; n++) {
        expect((await http(a).post('/epcis/queries', { name: `q${n}`, query: {} }, { token: theirs.token })).status).toBe(201);
      }
      expectApiError(
        await http(a).post('/epcis/queries', { name: 'q200', query: {} }, { token: theirs.token }),
        409,
        'QUERY_LIMIT_REACHED',
      );
      // Another owner's count is its own.
      expect((await http(a).post('/epcis/queries', { name: 'q200', query: {} }, { token: mine.token })).status).toBe(201);
    });

    it('refuses a WebSocket handshake it cannot serve, and closes the sockets of a deleted query', async () => {
      expect((await refusedHandshake(b.baseUrl, '/epcis/queries/inspections/events', key.token)).status).toBe(400);
      const bad = await refusedHandshake(b.baseUrl, '/epcis/queries/inspections/events?stream=true&colour=red', key.token);
      expect(bad).toMatchObject({
        status: 400,
        body: { type: 'epcisException:QueryParameterException', fieldErrors: { colour: [expect.any(String)] } },
      });
      expect((await refusedHandshake(b.baseUrl, '/epcis/queries/nothing/events?stream=true', key.token)).status).toBe(404);
      expect((await refusedHandshake(b.baseUrl, '/epcis/queries/inspections/events?stream=true', 'not-a-token')).status).toBe(401);

      // A schedule over a socket: every second, an empty document when nothing new matched.
      const scheduled = await socket(
        b.baseUrl,
        `/epcis/queries/inspections/events?second=${encodeURIComponent('[0-59]')}&reportIfEmpty=true`,
        key.token,
      );
      await until('a scheduled document on the socket', async () => (scheduled.documents.length > 0 ? true : undefined));
      expect(scheduled.eventIds()).toEqual([]);
      scheduled.ws.close();

      const client = await socket(b.baseUrl, '/epcis/queries/inspections/events?stream=true', key.token);
      expect((await http(a).request('DELETE', '/epcis/queries/inspections', { token: key.token })).status).toBe(204);
      await until('the socket to close', async () => client.closed() ?? undefined);
      expect(client.closed()).toEqual({ code: 4404, reason: 'the named query was deleted' });
      expect((await http(a).get('/epcis/queries/inspections', { token: key.token })).status).toBe(404);
    });
  });
});
