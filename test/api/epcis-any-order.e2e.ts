import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gs1CheckDigit, type PublicBatchView, type TraceView } from '@nguon/shared';
import { epcisDocumentXml } from '../../server/src/epcis/xml/epcis-xml-writer.js';
import {
  createApiKey,
  createBatch,
  createBusiness,
  createLocation,
  createProduct,
  createUser,
  makeCompanyPrefix,
  makeGtin,
  type Factory,
  type TestUser,
} from '../factories/index.js';
import { incomingShipments } from '../factories/recording.js';
import { captureAndWait } from '../support/capture-jobs.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue #15's proof: a grower ships oranges to a factory that presses them into juice, each
// business sending its events from its own system, in every identifier form and syntax, and
// either after registering its master data (products, places, lots, prefixes) or before it. Every
// way must end in the same batches, links, places, parties, trace and consumer view.

/** A GLN under a company prefix (12 digits with the location reference), with its check digit. */
const glnOf = (prefix: string, ref: string) => `${prefix}${ref}${gs1CheckDigit(prefix + ref)}`;

interface Side {
  prefix: string;
  gtin: string;
}
interface Lot {
  side: Side;
  lot: string;
  quantity: number;
  uom: string;
}
/** One event of the chain, in the terms of the story: what each form writes its own way. */
interface Step {
  type: 'ObjectEvent' | 'TransformationEvent';
  action?: 'ADD' | 'OBSERVE';
  bizStep: string;
  disposition: string;
  eventTime: string;
  place: Side;
  lots?: Lot[];
  inputs?: Lot[];
  outputs?: Lot[];
  source?: Side;
  destination?: Side;
  expiry?: string;
}

/** How an identifier form writes lots, places (location reference 0001) and parties (0000). */
interface Form {
  lot(lot: Lot): string;
  place(side: Side): string;
  party(side: Side): string;
}

const URNS: Form = {
  lot: ({ side, lot }) => `urn:epc:class:lgtin:${side.prefix}.0${side.gtin.slice(side.prefix.length, 12)}.${lot}`,
  place: ({ prefix }) => `urn:epc:id:sgln:${prefix}.0001.0`,
  party: ({ prefix }) => `urn:epc:id:pgln:${prefix}.0000`,
};
const digitalLinks = (domain: string, placeExtension = ''): Form => ({
  lot: ({ side, lot }) => `https://${domain}/01/0${side.gtin}/10/${lot}`,
  place: ({ prefix }) => `https://${domain}/414/${glnOf(prefix, '0001')}${placeExtension}`,
  party: ({ prefix }) => `https://${domain}/417/${glnOf(prefix, '0000')}`,
});

function eventJson(step: Step, form: Form): Record<string, unknown> {
  const quantities = (lots: Lot[] | undefined) => lots?.map((l) => ({ epcClass: form.lot(l), quantity: l.quantity, uom: l.uom }));
  const place = { id: form.place(step.place) };
  return {
    type: step.type,
    eventTime: step.eventTime,
    eventTimeZoneOffset: '+07:00',
    ...(step.type === 'ObjectEvent' ? { epcList: [], action: step.action } : {}),
    bizStep: step.bizStep,
    disposition: step.disposition,
    readPoint: place,
    bizLocation: place,
    ...(step.lots ? { quantityList: quantities(step.lots) } : {}),
    ...(step.inputs ? { inputQuantityList: quantities(step.inputs), outputQuantityList: quantities(step.outputs) } : {}),
    ...(step.source ? { sourceList: [{ type: 'owning_party', source: form.party(step.source) }] } : {}),
    ...(step.destination ? { destinationList: [{ type: 'owning_party', destination: form.party(step.destination) }] } : {}),
    ...(step.expiry ? { ilmd: { 'cbvmda:itemExpirationDate': step.expiry } } : {}),
  };
}

function jsonLd(steps: Step[], form: Form) {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-10-04T00:00:00Z',
    epcisBody: { eventList: steps.map((step) => eventJson(step, form)) },
  };
}

/** EPCIS 1.2 XML as ERPs write it: CBV URNs, quantities, parties and lot data inside `<extension>`. */
function xml12(steps: Step[]): string {
  const quantities = (tag: string, lots: Lot[] | undefined) =>
    lots
      ? `<${tag}>${lots.map((l) => `<quantityElement><epcClass>${URNS.lot(l)}</epcClass><quantity>${l.quantity}</quantity><uom>${l.uom}</uom></quantityElement>`).join('')}</${tag}>`
      : '';
  const parties = (step: Step) =>
    (step.source ? `<sourceList><source type="urn:epcglobal:cbv:sdt:owning_party">${URNS.party(step.source)}</source></sourceList>` : '') +
    (step.destination
      ? `<destinationList><destination type="urn:epcglobal:cbv:sdt:owning_party">${URNS.party(step.destination)}</destination></destinationList>`
      : '');
  const ilmd = (step: Step) => (step.expiry ? `<ilmd><cbvmda:itemExpirationDate>${step.expiry}</cbvmda:itemExpirationDate></ilmd>` : '');
  const what = (step: Step) =>
    `<bizStep>urn:epcglobal:cbv:bizstep:${step.bizStep}</bizStep><disposition>urn:epcglobal:cbv:disp:${step.disposition}</disposition>` +
    `<readPoint><id>${URNS.place(step.place)}</id></readPoint><bizLocation><id>${URNS.place(step.place)}</id></bizLocation>`;
  const when = (step: Step) => `<eventTime>${step.eventTime}</eventTime><eventTimeZoneOffset>+07:00</eventTimeZoneOffset>`;
  const events = steps.map((step) =>
    step.type === 'ObjectEvent'
      ? `<ObjectEvent>${when(step)}<epcList/><action>${step.action}</action>${what(step)}<extension>${quantities('quantityList', step.lots)}${parties(step)}${ilmd(step)}</extension></ObjectEvent>`
      : `<extension><TransformationEvent>${when(step)}${quantities('inputQuantityList', step.inputs)}${quantities('outputQuantityList', step.outputs)}${what(step)}${parties(step)}${ilmd(step)}</TransformationEvent></extension>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?><epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:1" xmlns:cbvmda="urn:epcglobal:cbv:mda" ' +
    `schemaVersion="1.2" creationDate="2026-10-04T00:00:00Z"><EPCISBody><EventList>${events.join('')}</EventList></EPCISBody></epcis:EPCISDocument>`
  );
}

/** A way of writing the documents: the body and its content type. */
interface Writing {
  name: string;
  write(steps: Step[]): { body: unknown; contentType: string };
}
const WRITINGS: Writing[] = [
  { name: 'JSON-LD with EPC URNs', write: (steps) => ({ body: jsonLd(steps, URNS), contentType: 'application/ld+json' }) },
  {
    name: 'JSON-LD with Digital Links on id.gs1.org',
    write: (steps) => ({ body: jsonLd(steps, digitalLinks('id.gs1.org')), contentType: 'application/ld+json' }),
  },
  {
    name: 'JSON-LD with Digital Links on another domain, places with a /254/ extension',
    write: (steps) => ({ body: jsonLd(steps, digitalLinks('trace.example.vn', '/254/1')), contentType: 'application/ld+json' }),
  },
  { name: 'EPCIS 2.0 XML', write: (steps) => ({ body: epcisDocumentXml(jsonLd(steps, URNS)), contentType: 'application/xml' }) },
  { name: 'EPCIS 1.2 XML', write: (steps) => ({ body: xml12(steps), contentType: 'text/xml' }) },
];
const ORDERS = ['master data first', 'events first'] as const;

describe('EPCIS documents from two businesses, in every form and order', () => {
  let t: TestApp;
  let f: Factory;
  let admin: TestUser;
  let inspector: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    f = { http: httpClient(t.baseUrl), testApp: t };
    admin = await createUser(f, { role: 'admin' });
    inspector = await createUser(f, { role: 'inspector' });
  });
  afterAll(async () => t?.close());

  /** One business of the chain: signed up, its prefix confirmed at verification. */
  async function join(legalName: string, prefix: string) {
    const owner = await createUser(f);
    const business = await createBusiness(f, owner, { legalName, gs1Prefixes: [prefix] });
    await f.http.post(`/api/businesses/${business.id}/verify`, undefined, { token: admin.token });
    const key = await createApiKey(f, owner, business.id, { scopes: ['capture'] });
    return { owner, business, key };
  }

  async function capture(token: string, document: { body: unknown; contentType: string }) {
    const job = (await captureAndWait(f.http, document.body, { token, headers: { 'content-type': document.contentType } })).body;
    expect(job).toMatchObject({ success: true, errors: [] });
    return job as { capturedCount: number; warnings: { code: string }[] };
  }

  /** Runs the whole chain one way; answers what anyone could see of it afterwards, ids left out. */
  async function runChain(writing: Writing, order: (typeof ORDERS)[number]) {
    const grower: Side = { prefix: makeCompanyPrefix(), gtin: '' };
    const factory: Side = { prefix: makeCompanyPrefix(), gtin: '' };
    grower.gtin = makeGtin(grower.prefix);
    factory.gtin = makeGtin(factory.prefix);
    const oranges = (quantity: number): Lot => ({ side: grower, lot: 'CAM-01', quantity, uom: 'KGM' });
    const growerSteps: Step[] = [
      {
        type: 'ObjectEvent',
        action: 'ADD',
        bizStep: 'commissioning',
        disposition: 'active',
        eventTime: '2026-10-01T07:00:00+07:00',
        place: grower,
        lots: [oranges(1000)],
        expiry: '2026-12-31',
      },
      {
        type: 'ObjectEvent',
        action: 'OBSERVE',
        bizStep: 'shipping',
        disposition: 'in_transit',
        eventTime: '2026-10-02T07:00:00+07:00',
        place: grower,
        lots: [oranges(400)],
        source: grower,
        destination: factory,
      },
    ];
    const factorySteps: Step[] = [
      {
        type: 'ObjectEvent',
        action: 'OBSERVE',
        bizStep: 'receiving',
        disposition: 'in_progress',
        eventTime: '2026-10-03T07:00:00+07:00',
        place: factory,
        lots: [oranges(400)],
        source: grower,
        destination: factory,
      },
      {
        type: 'TransformationEvent',
        bizStep: 'commissioning',
        disposition: 'active',
        eventTime: '2026-10-03T09:00:00+07:00',
        place: factory,
        inputs: [oranges(400)],
        outputs: [{ side: factory, lot: 'NC-01', quantity: 180, uom: 'LTR' }],
      },
    ];

    const registerGrower = async (owner: TestUser, businessId: string) => {
      await createLocation(f, owner, businessId, { name: 'Vườn cam Hương Khê', gln: glnOf(grower.prefix, '0001') });
      const product = await createProduct(f, owner, businessId, { gtin: grower.gtin, name: { vi: 'Cam Khe Mây', en: 'Khe May oranges' } });
      return createBatch(f, owner, product.id, { lotCode: 'CAM-01', quantity: 1000, productionDate: '2026-10-01' });
    };
    const registerFactory = async (owner: TestUser, businessId: string) => {
      await createLocation(f, owner, businessId, { kind: 'factory', name: 'Xưởng ép Thạch Hà', gln: glnOf(factory.prefix, '0001') });
      const product = await createProduct(f, owner, businessId, {
        gtin: factory.gtin,
        name: { vi: 'Nước cam ép', en: 'Orange juice' },
        unit: 'LTR',
      });
      return createBatch(f, owner, product.id, { lotCode: 'NC-01', quantity: 180, unit: 'LTR', productionDate: '2026-10-03' });
    };

    const warnings: string[] = [];
    const growerSide = await join('HTX Cam Hương Khê', grower.prefix);
    let factorySide: Awaited<ReturnType<typeof join>>;
    let juice: { id: string };
    if (order === 'master data first') {
      await registerGrower(growerSide.owner, growerSide.business.id);
      factorySide = await join('Công ty Nước ép Hà Tĩnh', factory.prefix);
      juice = await registerFactory(factorySide.owner, factorySide.business.id);
      warnings.push(...(await capture(growerSide.key.token, writing.write(growerSteps))).warnings.map((w) => w.code));
      warnings.push(...(await capture(factorySide.key.token, writing.write(factorySteps))).warnings.map((w) => w.code));
      expect(warnings).toEqual([]);
    } else {
      // Nobody on the portal knows the lots, the places or the factory yet: stored, with warnings.
      warnings.push(...(await capture(growerSide.key.token, writing.write(growerSteps))).warnings.map((w) => w.code));
      await registerGrower(growerSide.owner, growerSide.business.id);
      factorySide = await join('Công ty Nước ép Hà Tĩnh', factory.prefix);
      warnings.push(...(await capture(factorySide.key.token, writing.write(factorySteps))).warnings.map((w) => w.code));
      juice = await registerFactory(factorySide.owner, factorySide.business.id);
      expect(new Set(warnings)).toEqual(new Set(['UNLINKED_IDENTIFIER', 'UNKNOWN_PLACE', 'UNKNOWN_PARTY']));
    }

    const who = (id: string | null) =>
      id === growerSide.business.id ? 'grower' : id === factorySide.business.id ? 'factory' : id === null ? null : 'someone else';
    const links = await sql<{
      lot_code: string;
      event_type: string;
      biz_step: string | null;
      role: string;
      quantity: string | null;
      place: string | null;
      source_business_id: string | null;
      destination_business_id: string | null;
      verified_late: boolean;
    }>(
      t,
      `SELECT b.lot_code, e.event_type, e.biz_step, eb.role, eb.quantity::text, l.name AS place,
              e.source_business_id, e.destination_business_id, eb.linked_at IS NOT NULL AS verified_late
         FROM event_batches eb JOIN events e ON e.id = eb.event_id JOIN batches b ON b.id = eb.batch_id
         LEFT JOIN locations l ON l.id = e.location_id
        WHERE b.business_id IN ($1, $2)
        ORDER BY b.lot_code, e.event_time, eb.role`,
      [growerSide.business.id, factorySide.business.id],
    );
    const batches = await sql<{ id: string; lot_code: string; quantity: string; unit: string; production_date: string }>(
      t,
      `SELECT id, lot_code, quantity::text, unit, production_date::text FROM batches WHERE business_id IN ($1, $2) ORDER BY lot_code`,
      [growerSide.business.id, factorySide.business.id],
    );
    const integrity = await Promise.all(
      batches.map(async (b) => (await f.http.get(`/api/batches/${b.id}/integrity`)).body as { verified: boolean; records: number }),
    );
    const incoming = await incomingShipments(f, factorySide.owner, factorySide.business.id, 'received');
    const view = (await f.http.get<PublicBatchView>(`/api/public/batches/${juice.id}`)).body;
    const trace = (await f.http.get<TraceView>(`/api/batches/${juice.id}/trace?direction=backward`, { token: inspector.token })).body;
    return {
      batches: batches.map(({ id: _, ...b }) => b),
      links: links.map(({ source_business_id, destination_business_id, verified_late: _, ...l }) => ({
        ...l,
        source: who(source_business_id),
        destination: who(destination_business_id),
      })),
      integrity: integrity.map((r) => ({ verified: r.verified, records: r.records })),
      incoming: incoming.items.map((s) => s.batch.lotCode),
      consumer: {
        producer: view.producer.name,
        sources: view.sources.map(({ id: _, ...s }) => s),
        timeline: view.timeline.map((e) => ({
          stage: e.stage,
          // The documents' times; registering a lot is recorded when it happens, which differs run to run.
          eventTime: e.eventTime.startsWith('2026-10-') ? e.eventTime : 'when registered',
          place: e.place?.name ?? null,
          quantity: e.quantity,
          source: e.source?.name ?? null,
          destination: e.destination?.name ?? null,
          from: e.fromBatch?.lotCode ?? null,
        })),
      },
      trace: {
        lots: trace.batches.map((b) => `${b.businessName} ${b.lotCode} ${b.depth}`).sort(),
        edges: trace.edges.map((e) => e.kind).sort(),
      },
    };
  }

  let first: Awaited<ReturnType<typeof runChain>> | undefined;

  it.each(WRITINGS.flatMap((writing) => ORDERS.map((order) => [writing.name, order, writing] as const)))(
    '%s, %s: the same batches, links, places, parties, trace and consumer view',
    async (_name, order, writing) => {
      const seen = await runChain(writing, order);
      // The story itself, checked once in full: the rest must match it.
      expect(seen.batches.map((b) => b.lot_code)).toEqual(['CAM-01', 'NC-01']);
      expect(seen.links.filter((l) => l.biz_step?.endsWith('shipping'))).toEqual([
        expect.objectContaining({ lot_code: 'CAM-01', place: 'Vườn cam Hương Khê', source: 'grower', destination: 'factory' }),
      ]);
      expect(
        seen.links.filter((l) => l.event_type === 'TransformationEvent').map((l) => [l.lot_code, l.role, l.quantity, l.place]),
      ).toEqual([
        ['CAM-01', 'input', '400', 'Xưởng ép Thạch Hà'],
        ['NC-01', 'output', '180', 'Xưởng ép Thạch Hà'],
      ]);
      expect(seen.integrity.every((r) => r.verified)).toBe(true);
      expect(seen.incoming).toEqual(['CAM-01']);
      expect(seen.consumer.sources).toEqual([expect.objectContaining({ lotCode: 'CAM-01', producerName: 'HTX Cam Hương Khê' })]);
      expect(seen.trace.lots).toEqual(['Công ty Nước ép Hà Tĩnh NC-01 0', 'HTX Cam Hương Khê CAM-01 -1']);
      first ??= seen;
      expect(seen).toEqual(first);
    },
  );
});
