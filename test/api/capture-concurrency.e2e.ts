import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gs1CheckDigit, type IntegrityReport } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../server/src/auth/principal.js';
import { BatchRegistration } from '../../server/src/batches/batch-registration.service.js';
import { EventCapture } from '../../server/src/events/event-capture.js';
import { EventStore } from '../../server/src/events/event-store.js';
import { confirmClaims } from '../../server/src/businesses/business-claims.js';
import { MasterDataArrivals } from '../../server/src/common/master-data/master-data-arrivals.js';
import { LocationEntity } from '../../server/src/locations/location.entity.js';
import {
  companyPrefixOf,
  createApiKey,
  createBatch,
  createBusiness,
  createLocation,
  createProducer,
  createUser,
  makeCompanyPrefix,
  recordStage,
  type Factory,
  type Producer,
  type TestUser,
} from '../factories/index.js';
import { epcisDocument, finishedCaptureJob, storingEvents, type CaptureJob } from '../support/capture-jobs.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { appsOnOneDatabase } from '../support/server-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Events per document, each naming two of the lots: two documents in opposite orders would deadlock without ordered locks. */
const EVENTS = 300;

describe('documents captured at the same time on the same batches', () => {
  let t: TestApp;
  let f: Factory;
  let farm: Producer;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    farm = await createProducer(f, await createUser(f, { role: 'admin' }));
  });
  afterAll(async () => t?.close());

  it('all commit, with no deadlock, and every chain stays whole and verified', async () => {
    const batches = [];
    for (const lotCode of ['SAME-A', 'SAME-B', 'SAME-C']) batches.push(await createBatch(f, farm.owner, farm.product.id, { lotCode }));
    const [a, b, c] = batches.map((batch) => `https://id.gs1.org/01/${farm.product.gtin!.padStart(14, '0')}/10/${batch.lotCode}`);
    const capture = t.app.nest.get(EventCapture);
    const businessId = farm.business.id;
    const actor: Actor = {
      principal: { kind: 'api_key', id: crypto.randomUUID(), businessId, scopes: new Set(['capture']) },
      businessId,
      clientAddress: '127.0.0.1',
      requestId: 'concurrent-capture',
    };
    const captured = (events: Record<string, unknown>[]) =>
      t.app.database.dataSource.transaction((tx) => capture.captureAll(tx, actor, businessId, events, { audit: false }));

    // Two documents in opposite lock orders, and a person recording on the middle batch meanwhile.
    const [first, second] = await Promise.all([
      captured(storingEvents(EVENTS, (n) => (n % 2 ? [b!, a!] : [a!, c!]))),
      captured(storingEvents(EVENTS, (n) => (n % 2 ? [a!, b!] : [c!, a!]))),
      recordStage(f, farm.owner, batches[1]!.id, { stage: 'packing', quantity: 10 }),
    ]);
    expect([...first!, ...second!].every((result) => 'stored' in result)).toBe(true);

    for (const batch of batches) {
      const [chain] = await sql<{ links: number; last: number; places: number }>(
        t,
        `SELECT count(*)::int AS links, max(seq) AS last, count(DISTINCT seq)::int AS places FROM event_batches WHERE batch_id = $1 AND seq IS NOT NULL`,
        [batch.id],
      );
      // One place per event in the chain, numbered without a gap.
      expect(chain!.links).toBe(chain!.last);
      expect(chain!.places).toBe(chain!.last);
      const report = (await f.http.get<IntegrityReport>(`/api/batches/${batch.id}/integrity`, { token: farm.owner.token })).body;
      expect(report).toMatchObject({ batchId: batch.id, verified: true, records: chain!.last });
    }
    // Lot A is in every event of both documents; B in half of them, plus its registration and the packing.
    const counts = await sql<{ lot: string; records: number }>(
      t,
      `SELECT b.lot_code AS lot, count(*)::int AS records FROM event_batches eb JOIN batches b ON b.id = eb.batch_id
        WHERE eb.batch_id = ANY($1::uuid[]) AND eb.seq IS NOT NULL GROUP BY b.lot_code ORDER BY b.lot_code`,
      [batches.map((batch) => batch.id)],
    );
    expect(counts).toEqual([
      { lot: 'SAME-A', records: 1 + 2 * EVENTS },
      { lot: 'SAME-B', records: 2 + EVENTS },
      { lot: 'SAME-C', records: 1 + EVENTS },
    ]);
  });

  it('stores none of a set whose write the database refuses part-way, and says why', async () => {
    const batch = await createBatch(f, farm.owner, farm.product.id, { lotCode: 'SLICED' });
    const store = t.app.nest.get(EventStore);
    // 700 events are written in slices; one early in the set links a batch that does not exist, and
    // the database refuses it while the later slices are still being hashed.
    const missing = crypto.randomUUID();
    const inputs = storingEvents(700, () => []).map((document, n) => ({
      document,
      links: [{ batchId: n === 10 ? missing : batch.id, role: 'subject' as const }],
      businessId: farm.business.id,
    }));
    const written = t.app.database.dataSource.transaction((tx) => store.appendAll(tx, inputs));
    await expect(written).rejects.toMatchObject({ code: '23503', detail: expect.stringContaining(missing) });

    const [stored] = await sql<{ events: number }>(t, `SELECT count(*)::int AS events FROM events WHERE event_id = ANY($1::text[])`, [
      inputs.map((i) => String(i.document.eventID)),
    ]);
    expect(stored!.events).toBe(0);
    // The batch's chain is as it was: its registration alone, and still verified.
    const report = (await f.http.get<IntegrityReport>(`/api/batches/${batch.id}/integrity`, { token: farm.owner.token })).body;
    expect(report).toMatchObject({ verified: true, records: 1 });
  });

  // Two runs at once on PostgreSQL only: the embedded database's runs take turns.
  (process.env.DATABASE_URL ? it : it.skip)(
    'documents sent back to back to one instance are stored in the order sent, the next one begun while the one before it is still at work',
    async () => {
      const batch = await createBatch(f, farm.owner, farm.product.id, { lotCode: 'IN-TURN' });
      const lot = `https://id.gs1.org/01/${farm.product.gtin!.padStart(14, '0')}/10/IN-TURN`;
      const key = await createApiKey(f, farm.owner, farm.business.id, { scopes: ['capture'] });
      // A long document, then two of one event each: were the runs not to check in turn, a short
      // document's checks would end first and its event take the lot's next place.
      const documents = [3_000, 1, 1].map((count) => epcisDocument(storingEvents(count, () => [lot])));
      const ids: string[] = [];
      for (const document of documents) {
        const accepted = await f.http.post<CaptureJob>('/epcis/capture', document, {
          token: key.token,
          headers: { 'content-type': 'application/ld+json' },
        });
        ids.push(accepted.body.captureID);
      }
      for (const id of ids) expect(await finishedCaptureJob(f.http, id, key.token)).toMatchObject({ success: true });

      const chain = await sql<{ event_id: string }>(
        t,
        `SELECT e.event_id FROM event_batches eb JOIN events e ON e.id = eb.event_id AND e.record_time = eb.record_time
        WHERE eb.batch_id = $1 AND eb.seq IS NOT NULL ORDER BY eb.seq`,
        [batch.id],
      );
      const documentOfEvent = new Map(documents.flatMap((document, n) => document.epcisBody.eventList.map((e) => [String(e.eventID), n])));
      // Its registration, then the documents' events in the order the documents were sent.
      expect(chain.slice(1).map((link) => documentOfEvent.get(link.event_id))).toEqual([...Array<number>(3_000).fill(0), 1, 2]);
      const report = (await f.http.get<IntegrityReport>(`/api/batches/${batch.id}/integrity`, { token: farm.owner.token })).body;
      expect(report).toMatchObject({ verified: true, records: 3_003 });

      // The second document's run had begun (its job read) before the first's ended.
      const [first, second] = await sql<{ started_at: Date; finished_at: Date }>(
        t,
        'SELECT started_at, finished_at FROM capture_jobs WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)',
        [ids.slice(0, 2)],
      );
      expect(second!.started_at.getTime()).toBeLessThan(first!.finished_at.getTime());
    },
    120_000,
  );
});

/** What a promise has come to after `ms`: its value, or 'waiting'. */
async function after<T>(promise: Promise<T>, ms: number): Promise<T | 'waiting'> {
  return Promise.race([promise, new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), ms))]);
}

// Two transactions at once: the embedded database has one connection, which runs them one after the other.
(process.env.DATABASE_URL ? describe : describe.skip)(
  'an event naming a lot, a place or a party, and its registration, at the same moment',
  () => {
    let t: TestApp;
    let f: Factory;
    let admin: TestUser;
    let farm: Producer;
    let actor: Actor;
    let lotOf: (lotCode: string) => string;

    beforeAll(async () => {
      t = await startTestApp();
      f = { http: httpClient(t.baseUrl), testApp: t };
      admin = await createUser(f, { role: 'admin' });
      farm = await createProducer(f, admin);
      const businessId = farm.business.id;
      // A key of the business's own: the registration's audit entry names it.
      const key = await createApiKey(f, farm.owner, businessId, { scopes: ['capture'] });
      actor = {
        principal: { kind: 'api_key', id: key.id, businessId, scopes: new Set(['capture']) },
        businessId,
        clientAddress: '127.0.0.1',
        requestId: 'lot-race',
      };
      lotOf = (lotCode) => `https://id.gs1.org/01/${farm.product.gtin!.padStart(14, '0')}/10/${lotCode}`;
    });
    afterAll(async () => t?.close());

    /** The batch's links to the events with these eventIDs: whether each was made with the event or later. */
    const linksOf = (batchId: string, eventIds: string[]) =>
      sql<{ late: boolean }>(
        t,
        `SELECT eb.linked_at IS NOT NULL AS late FROM event_batches eb JOIN events e ON e.id = eb.event_id AND e.record_time = eb.record_time
        WHERE eb.batch_id = $1 AND e.event_id = ANY($2::text[]) ORDER BY e.event_id`,
        [batchId, eventIds],
      );

    /**
     * Runs `work` in a transaction held open until `work` commits it (what another transaction
     * meanwhile must wait for); rolled back if it did not.
     */
    async function inOpenTransaction(work: (manager: EntityManager, commit: () => Promise<void>) => Promise<void>): Promise<void> {
      const runner = t.app.database.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await work(runner.manager, () => runner.commitTransaction());
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    }
    /** The events captured for the farm in `tx`. */
    const captured = (tx: EntityManager, events: Record<string, unknown>[]) =>
      t.app.nest.get(EventCapture).captureAll(tx, actor, farm.business.id, events, { audit: false });
    /** The events captured for the farm in a transaction of their own. */
    const capturedAlone = (events: Record<string, unknown>[]) => t.app.database.dataSource.transaction((tx) => captured(tx, events));
    const eventIdsOf = (events: Record<string, unknown>[]) => events.map((e) => String(e.eventID));
    const integrityOf = async (batchId: string) =>
      (await f.http.get<IntegrityReport>(`/api/batches/${batchId}/integrity`, { token: farm.owner.token })).body;

    it('an event sent while its lot is being registered waits for the registration, then is linked to the lot', async () => {
      const events = storingEvents(3, () => [lotOf('RACE-1')]);
      await inOpenTransaction(async (registration, commit) => {
        const [batch] = await t.app.nest
          .get(BatchRegistration)
          .registerBatches(actor, [{ productId: farm.product.id, lotCode: 'RACE-1', productionDate: '2026-10-01' }], registration);
        const capture = capturedAlone(events);
        // Without the wait, the events would be stored now, unlinked, and the registration would not see them.
        expect(await after(capture, 500)).toBe('waiting');
        await commit();
        const results = await capture;
        expect(results.every((result) => 'stored' in result && result.batchIds.includes(batch!.id))).toBe(true);
        expect(await linksOf(batch!.id, eventIdsOf(events))).toEqual([{ late: false }, { late: false }, { late: false }]);
        expect(await integrityOf(batch!.id)).toMatchObject({ verified: true, records: 4 });
      });
    });

    it('a lot registered while events naming it are being stored waits for them, then links them', async () => {
      // Processing of a lot not registered yet: an input creates no batch, so the events are stored unlinked from it.
      const events = [1, 2, 3].map((n) => ({
        type: 'TransformationEvent',
        eventID: `urn:uuid:${crypto.randomUUID()}`,
        bizStep: 'commissioning',
        eventTime: `2026-10-0${n}T00:00:00Z`,
        eventTimeZoneOffset: '+07:00',
        inputQuantityList: [{ epcClass: lotOf('RACE-2'), quantity: 10, uom: 'KGM' }],
        outputQuantityList: [{ epcClass: lotOf(`RACE-2-OUT-${n}`), quantity: 8, uom: 'KGM' }],
      }));
      await inOpenTransaction(async (capture, commit) => {
        const results = await captured(capture, events);
        // Stored, each linked to its output only: the input lot is not registered yet.
        expect(results.every((result) => 'stored' in result && result.batchIds.length === 1)).toBe(true);
        const registration = createBatch(f, farm.owner, farm.product.id, { lotCode: 'RACE-2' });
        // Without the wait, the lot would be registered now, its search for earlier events finding none of these.
        expect(await after(registration, 500)).toBe('waiting');
        await commit();
        const batch = await registration;
        expect(await linksOf(batch.id, eventIdsOf(events))).toEqual([{ late: true }, { late: true }, { late: true }]);
        expect(await integrityOf(batch.id)).toMatchObject({ verified: true, records: 4 });
      });
    });

    /** A GLN of the business's, its location reference `ref`, and the place's identifier in an event. */
    const placeOf = (ref: string) => {
      const body = `${companyPrefixOf(farm.product.gtin!)}${ref}`.padEnd(12, '0');
      const gln = `${body}${gs1CheckDigit(body)}`;
      return { gln, id: `https://id.gs1.org/414/${gln}` };
    };
    /** Events stored at a place, on a lot of the farm's. */
    const eventsAt = async (place: string, lotCode: string): Promise<Record<string, unknown>[]> => {
      const batch = await createBatch(f, farm.owner, farm.product.id, { lotCode });
      return storingEvents(3, () => [lotOf(batch.lotCode)]).map((event) => ({ ...event, bizLocation: { id: place } }));
    };
    /** Where each of these events happened (its place's id), and whether it was placed later by a record of its own. */
    const placesOf = (events: Record<string, unknown>[]) =>
      sql<{ location_id: string | null; late: boolean }>(
        t,
        `SELECT e.location_id, EXISTS (SELECT 1 FROM event_place_links l WHERE l.event_id = e.id) AS late
         FROM events e WHERE e.event_id = ANY($1::text[]) ORDER BY e.event_id`,
        [eventIdsOf(events)],
      );

    it('an event sent while its place is being registered waits for the registration, then happened there', async () => {
      const place = placeOf('0701');
      const events = await eventsAt(place.id, 'RACE-3');
      await inOpenTransaction(async (registration, commit) => {
        // The place's registration, as the locations service writes it, not committed yet.
        const location = await registration.getRepository(LocationEntity).save({
          businessId: farm.business.id,
          kind: 'warehouse',
          name: 'Kho lạnh Cẩm Xuyên',
          address: 'Thôn 3',
          province: 'Hà Tĩnh',
          gln: place.gln,
        });
        await t.app.nest.get(EventStore).linkPlace(registration, { id: location.id, businessId: farm.business.id, gln: place.gln });
        const capture = capturedAlone(events);
        // Without the wait, the events would be stored now without a place, and the registration would not see them.
        expect(await after(capture, 500)).toBe('waiting');
        await commit();
        await capture;
        const at = { location_id: location.id, late: false };
        expect(await placesOf(events)).toEqual([at, at, at]);
      });
    });

    it('a place registered while events that happened there are being stored waits for them, then places them', async () => {
      const place = placeOf('0702');
      const events = await eventsAt(place.id, 'RACE-4');
      await inOpenTransaction(async (capture, commit) => {
        await captured(capture, events);
        const registration = createLocation(f, farm.owner, farm.business.id, {
          kind: 'warehouse',
          name: 'Kho lạnh Kỳ Anh',
          gln: place.gln,
        });
        // Without the wait, the place would be registered now, its search for earlier events finding none of these.
        expect(await after(registration, 500)).toBe('waiting');
        await commit();
        const location = await registration;
        const at = { location_id: location.id, late: true };
        expect(await placesOf(events)).toEqual([at, at, at]);
      });
    });

    /** A buyer not verified yet, whose company prefix is declared, and a GLN under it as events name a party. */
    const buyer = async () => {
      const prefix = makeCompanyPrefix();
      const business = await createBusiness(f, await createUser(f), { legalName: 'Công ty Thu mua Nghệ An', gs1Prefixes: [prefix] });
      const body = prefix.padEnd(12, '0');
      return { business, party: `https://id.gs1.org/417/${body}${gs1CheckDigit(body)}` };
    };
    /** Events shipped to a party, from a lot of the farm's. */
    const eventsTo = async (party: string, lotCode: string): Promise<Record<string, unknown>[]> => {
      const batch = await createBatch(f, farm.owner, farm.product.id, { lotCode });
      return storingEvents(3, () => [lotOf(batch.lotCode)]).map((event) => ({
        ...event,
        destinationList: [{ type: 'owning_party', destination: party }],
      }));
    };
    /** Whom each of these events went to (a business's id), and whether it was linked later by a record of its own. */
    const destinationsOf = (events: Record<string, unknown>[]) =>
      sql<{ destination_business_id: string | null; late: boolean }>(
        t,
        `SELECT e.destination_business_id, EXISTS (SELECT 1 FROM event_place_links l WHERE l.event_id = e.id) AS late
         FROM events e WHERE e.event_id = ANY($1::text[]) ORDER BY e.event_id`,
        [eventIdsOf(events)],
      );

    it("an event sent while its party's company prefix is being confirmed waits for the confirmation, then names the party", async () => {
      const { business, party } = await buyer();
      const events = await eventsTo(party, 'RACE-5');
      await inOpenTransaction(async (confirmation, commit) => {
        // The confirmation, as an administrator's verification writes it, not committed yet.
        const confirmed = await confirmClaims(confirmation, business.id, admin.id);
        await t.app.nest.get(MasterDataArrivals).prefixesConfirmed(confirmation, business.id, confirmed);
        const capture = capturedAlone(events);
        // Without the wait, the events would be stored now without the party, and the confirmation would not see them.
        expect(await after(capture, 500)).toBe('waiting');
        await commit();
        await capture;
        const to = { destination_business_id: business.id, late: false };
        expect(await destinationsOf(events)).toEqual([to, to, to]);
      });
    });

    it("a party's company prefix confirmed while events sent to it are being stored waits for them, then links them", async () => {
      const { business, party } = await buyer();
      const events = await eventsTo(party, 'RACE-6');
      await inOpenTransaction(async (capture, commit) => {
        await captured(capture, events);
        const verification = f.http.post(`/api/businesses/${business.id}/verify`, undefined, { token: admin.token });
        // Without the wait, the prefix would be confirmed now, its search for earlier events finding none of these.
        expect(await after(verification, 500)).toBe('waiting');
        await commit();
        expect((await verification).status).toBe(200);
        const to = { destination_business_id: business.id, late: true };
        expect(await destinationsOf(events)).toEqual([to, to, to]);
      });
    });
  },
);

/** Events a run stores in one step on PostgreSQL (the capture job runner's EVENTS_PER_STEP): a document of two steps. */
const STEP = 1_000;

// Two instances on one database: the embedded one opens in one process at a time, and its long work runs one at a time anyway.
(process.env.DATABASE_URL ? describe : describe.skip)('large documents captured by two instances at once on the same batches', () => {
  const apps = appsOnOneDatabase('nguon-capture-steps-');
  afterAll(() => apps.close());

  it('both finish on their first run: a run locks every batch its document names before its first step, so none deadlocks between steps', async () => {
    const db = await apps.database();
    const [one, two] = [await apps.start(db), await apps.start(db)];
    const f: Factory = { http: httpClient(one.baseUrl), testApp: one };
    const farm = await createProducer(f, await createUser(f, { role: 'admin' }));
    const batches = [];
    for (const lotCode of ['STEPS-A', 'STEPS-B']) batches.push(await createBatch(f, farm.owner, farm.product.id, { lotCode }));
    const [a, b] = batches.map((batch) => `https://id.gs1.org/01/${farm.product.gtin!.padStart(14, '0')}/10/${batch.lotCode}`);
    const key = await createApiKey(f, farm.owner, farm.business.id, { scopes: ['capture'] });

    // Each document's first step names one lot and its second the other, in opposite orders: locked
    // step by step, each run would hold its first lot and wait for the other's.
    const documents = [storingEvents(2 * STEP, (n) => [n < STEP ? a! : b!]), storingEvents(2 * STEP, (n) => [n < STEP ? b! : a!])].map(
      epcisDocument,
    );
    const accepted = await Promise.all(
      [one, two].map((t, n) =>
        httpClient(t.baseUrl).post('/epcis/capture', documents[n], {
          token: key.token,
          headers: { 'content-type': 'application/ld+json' },
        }),
      ),
    );
    const ids: string[] = accepted.map((response) => response.body.captureID);
    for (const id of ids) {
      expect(await finishedCaptureJob(f.http, id, key.token, 60_000)).toMatchObject({ success: true, capturedCount: 2 * STEP });
    }
    // A deadlock would have ended one run, and the queue would have run its job again.
    const runs = await sql<{ attempts: number }>(one, 'SELECT attempts FROM capture_jobs WHERE id = ANY($1::uuid[])', [ids]);
    expect(runs).toEqual([{ attempts: 1 }, { attempts: 1 }]);
    for (const batch of batches) {
      const report = (await f.http.get<IntegrityReport>(`/api/batches/${batch.id}/integrity`, { token: farm.owner.token })).body;
      expect(report).toMatchObject({ verified: true, records: 1 + 2 * STEP });
    }
  }, 120_000);
});
