import type { BatchView, ExportFormat, ExportScope } from '@nguon/shared';
import {
  createBatch,
  createProducer,
  recordProcessing,
  recordStage,
  shipAndReceive,
  type Credential,
  type Factory,
  type Producer,
  type TestUser,
} from './index.js';

export interface ExportResponse {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** The body as UTF-8 text (CSV, JSON-LD, an error). */
  text: string;
}

/** `POST /api/exports/events.{format}` (or a business's own route) as `who`, the answer as it came. */
export async function exportEvents(
  f: Factory,
  who: Credential | null,
  format: ExportFormat | string,
  scope: ExportScope | Record<string, unknown>,
  businessId?: string,
): Promise<ExportResponse> {
  const path = businessId ? `/api/businesses/${businessId}/exports/events.${format}` : `/api/exports/events.${format}`;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': 'en' };
  if (who) headers.authorization = `Bearer ${who.token}`;
  const response = await fetch(`${f.testApp.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(scope) });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}

export interface ExportChain {
  farmA: Producer;
  farmB: Producer;
  factory: Producer;
  shop: Producer;
  /** Farm A's oranges (harvested, packed, shipped to the factory) and a lot of theirs that goes nowhere. */
  orangesA: BatchView;
  idleOranges: BatchView;
  /** Farm B's oranges, shipped to the factory too. */
  orangesB: BatchView;
  /** Both orange lots pressed into one juice lot (a merge), bottled into two lots (a split); one goes to the shop. */
  juice: BatchView;
  bottlesA: BatchView;
  bottlesB: BatchView;
}

const at = (day: number, hour = 8) => `2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+07:00`;

/**
 * Four businesses: two farms ship oranges to a juice factory, which presses them into one juice lot,
 * splits that into two bottled lots and ships one of them to a shop. Stage events carry event times
 * out of recording order, so sorting shows.
 */
export async function createExportChain(f: Factory, admin: TestUser): Promise<ExportChain> {
  const farmA = await createProducer(f, admin, {
    business: { legalName: 'HTX Cam Hương Khê' },
    location: { name: 'Vườn cam Hương Khê' },
    product: { name: { vi: 'Cam Hương Sơn', en: 'Huong Son orange' } },
  });
  const farmB = await createProducer(f, admin, {
    business: { legalName: 'Trang trại Cam Vũ Quang' },
    product: { name: { vi: 'Cam Vũ Quang', en: 'Vu Quang orange' } },
  });
  const factory = await createProducer(f, admin, {
    business: { legalName: 'Công ty Nước ép Đồng Lộc' },
    product: { name: { vi: 'Nước cam ép', en: 'Orange juice' }, unit: 'LTR' },
  });
  const shop = await createProducer(f, admin, { business: { legalName: 'Cửa hàng Sạch Hà Nội' } });

  const orangesA = await createBatch(f, farmA.owner, farmA.product.id, { lotCode: `CAM-A-${Date.now() % 100000}` });
  const idleOranges = await createBatch(f, farmA.owner, farmA.product.id);
  const orangesB = await createBatch(f, farmB.owner, farmB.product.id);
  await recordStage(f, farmA.owner, orangesA.id, {
    stage: 'packing',
    eventTime: at(3),
    quantity: 900,
    unit: 'KGM',
    locationId: farmA.location.id,
  });
  await recordStage(f, farmA.owner, orangesA.id, {
    stage: 'harvesting',
    eventTime: at(2),
    quantity: 1000,
    unit: 'KGM',
    locationId: farmA.location.id,
  });
  await recordStage(f, farmA.owner, idleOranges.id, { stage: 'harvesting', eventTime: at(2, 9) });
  await recordStage(f, farmB.owner, orangesB.id, { stage: 'harvesting', eventTime: at(1) });
  await recordStage(f, farmA.owner, orangesA.id, {
    stage: 'shipping',
    eventTime: at(4),
    destinationBusinessId: factory.business.id,
    quantity: 900,
    unit: 'KGM',
    bizTransactions: [{ type: 'desadv', id: 'PGH-0042' }],
  });
  await recordStage(f, factory.owner, orangesA.id, { stage: 'receiving', eventTime: at(5), quantity: 900, unit: 'KGM' });
  await shipAndReceive(f, farmB.owner, factory, orangesB.id);

  const juice = await createBatch(f, factory.owner, factory.product.id, { unit: 'LTR' });
  await recordProcessing(f, factory.owner, {
    eventTime: at(6),
    inputs: [
      { batchId: orangesA.id, quantity: 800, unit: 'KGM' },
      { batchId: orangesB.id, quantity: 400, unit: 'KGM' },
    ],
    outputs: [{ batchId: juice.id, quantity: 600, unit: 'LTR' }],
  });
  const bottlesA = await createBatch(f, factory.owner, factory.product.id, { unit: 'LTR' });
  const bottlesB = await createBatch(f, factory.owner, factory.product.id, { unit: 'LTR' });
  await recordProcessing(f, factory.owner, {
    eventTime: at(7),
    inputs: [{ batchId: juice.id, quantity: 600, unit: 'LTR' }],
    outputs: [
      { batchId: bottlesA.id, quantity: 300, unit: 'LTR' },
      { batchId: bottlesB.id, quantity: 300, unit: 'LTR' },
    ],
  });
  await recordStage(f, factory.owner, bottlesA.id, {
    stage: 'shipping',
    eventTime: at(8),
    destinationBusinessId: shop.business.id,
    quantity: 300,
    unit: 'LTR',
    bizTransactions: [{ type: 'inv', id: 'HD-7781' }],
  });
  await recordStage(f, shop.owner, bottlesA.id, { stage: 'receiving', eventTime: at(9), quantity: 300, unit: 'LTR' });
  return { farmA, farmB, factory, shop, orangesA, idleOranges, orangesB, juice, bottlesA, bottlesB };
}
