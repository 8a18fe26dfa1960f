import type { BatchSearchQuery, BatchSearchResult, BatchView, Page, TraceIntegrityReport } from '@nguon/shared';
import { sql } from '../support/db.js';
import type { TestApp } from '../support/test-app.js';
import {
  createBatch,
  createProducer,
  recordProcessing,
  shipAndReceive,
  type Credential,
  type Factory,
  type Producer,
  type TestUser,
} from './index.js';

/** A query string from the values that are set. */
function queryOf(params: object): string {
  const entries = Object.entries(params).filter(([, value]) => value !== undefined && value !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString()}` : '';
}

/** `GET /api/search/batches` as `who`, the answer as it came (status and body). */
export function searchBatches(f: Factory, who: Credential | null, query: BatchSearchQuery = {}) {
  return f.http.get<Page<BatchSearchResult>>(`/api/search/batches${queryOf(query)}`, who ? { token: who.token } : {});
}

export function traceIntegrity(f: Factory, who: Credential, batchId: string, query: { direction?: string; depth?: number } = {}) {
  return f.http.get<TraceIntegrityReport>(`/api/batches/${batchId}/trace/integrity${queryOf(query)}`, { token: who.token });
}

/**
 * What someone with database access could do: switch the append-only triggers off and write. An
 * event moved to another record time takes the rows that name it along, as such a person would
 * have to: they carry its record time, the rest of its key.
 */
export async function behindTheAppsBack(t: TestApp, statements: string[]): Promise<void> {
  const triggers = [
    ['events', 'events_append_only'],
    ['event_batches', 'event_batches_append_only'],
    ['event_identifiers', 'event_identifiers_append_only'],
    ['event_place_links', 'event_place_links_append_only'],
  ];
  for (const [table, trigger] of triggers) await sql(t, `ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
  try {
    for (const statement of statements) await sql(t, statement);
    for (const [table] of triggers.slice(1)) {
      await sql(
        t,
        `UPDATE ${table} x SET record_time = e.record_time FROM events e WHERE e.id = x.event_id AND x.record_time <> e.record_time`,
      );
    }
    await sql(
      t,
      `UPDATE flags f SET event_record_time = e.record_time FROM events e WHERE e.id = f.event_id AND f.event_record_time <> e.record_time`,
    );
  } finally {
    for (const [table, trigger] of triggers) await sql(t, `ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
  }
}

export interface OrangeJuiceChain {
  farm: Producer;
  factory: Producer;
  shop: Producer;
  /** Oranges from Hương Khê (lot CAM-HK-01) and a sibling lot that goes nowhere. */
  oranges: BatchView;
  otherOranges: BatchView;
  /** Pressed from the oranges at the factory, then shipped to the shop. */
  juice: BatchView;
}

/**
 * A farm in Hương Khê ships oranges to a juice factory, which presses them into juice and ships
 * it to a shop: three businesses, one processing step, two shipments.
 */
export async function createOrangeJuiceChain(f: Factory, admin: TestUser, lot = 'CAM-HK-01'): Promise<OrangeJuiceChain> {
  const farm = await createProducer(f, admin, {
    business: { legalName: 'Hợp tác xã Cam Hương Khê' },
    location: { name: 'Vườn cam Hương Khê' },
    product: { name: { vi: 'Cam bù Hương Sơn', en: 'Huong Son orange' } },
  });
  const factory = await createProducer(f, admin, {
    business: { legalName: 'Công ty Nước ép Đồng Lộc' },
    product: { name: { vi: 'Nước cam ép', en: 'Orange juice' }, unit: 'LTR' },
  });
  const shop = await createProducer(f, admin, { business: { legalName: 'Cửa hàng Thực phẩm Sạch Hà Nội' } });
  const oranges = await createBatch(f, farm.owner, farm.product.id, {
    lotCode: lot,
    originLocationId: farm.location.id,
    productionDate: '2026-10-05',
  });
  const otherOranges = await createBatch(f, farm.owner, farm.product.id, { lotCode: `${lot}-B`, productionDate: '2026-10-06' });
  await shipAndReceive(f, farm.owner, factory, oranges.id);
  const juice = await createBatch(f, factory.owner, factory.product.id, { lotCode: 'JUICE-01', unit: 'LTR', productionDate: '2026-10-10' });
  await recordProcessing(f, factory.owner, {
    inputs: [{ batchId: oranges.id, quantity: 500, unit: 'KGM' }],
    outputs: [{ batchId: juice.id }],
  });
  await shipAndReceive(f, factory.owner, shop, juice.id);
  return { farm, factory, shop, oranges, otherOranges, juice };
}
