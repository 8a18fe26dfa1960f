import type { BatchView, ExportFormat, ExportOptions, ExportScope, LocationView } from '@nguon/shared';
import {
  addCertificate,
  createBatch,
  createLocation,
  createProducer,
  gtinOf,
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

/** How the request asks for the file: the query's options (any text, to try bad ones), and its Accept-Language (English unless said; null: none). */
export interface ExportAsk {
  options?: ExportOptions | Record<string, string>;
  acceptLanguage?: string | null;
}

/** `POST /api/exports/events.{format}` (or a business's own route) as `who`, the answer as it came. */
export async function exportEvents(
  f: Factory,
  who: Credential | null,
  format: ExportFormat | string,
  scope: ExportScope | Record<string, unknown>,
  businessId?: string,
  { options = {}, acceptLanguage = 'en' }: ExportAsk = {},
): Promise<ExportResponse> {
  const path = businessId ? `/api/businesses/${businessId}/exports/events.${format}` : `/api/exports/events.${format}`;
  const query = new URLSearchParams(options as Record<string, string>).toString();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (acceptLanguage) headers['accept-language'] = acceptLanguage;
  if (who) headers.authorization = `Bearer ${who.token}`;
  const response = await fetch(`${f.testApp.baseUrl}${path}${query ? `?${query}` : ''}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(scope),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
}

export interface ExportChain {
  farmA: Producer;
  /** Farm A's packhouse (with a GLN), where its oranges are cooled, packed and shipped from. */
  packhouse: LocationView;
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
 * splits that into two bottled lots and ships one of them to a shop. Farm A's oranges go through
 * every FSMA 204 CTE with its key data elements: harvested in the grove, cooled and packed at the
 * packhouse, shipped with a delivery note, received at the factory, pressed under a production
 * order. Stage events carry event times out of recording order, so sorting shows.
 */
export async function createExportChain(f: Factory, admin: TestUser): Promise<ExportChain> {
  const farmA = await createProducer(f, admin, {
    business: { legalName: 'HTX Cam Hương Khê' },
    location: { name: 'Vườn cam Hương Khê', kind: 'growing_area' },
    product: { name: { vi: 'Cam Hương Sơn', en: 'Huong Son orange' }, standards: ['VietGAP'] },
  });
  const packhouse = await createLocation(f, farmA.owner, farmA.business.id, {
    kind: 'factory',
    name: 'Nhà đóng gói Hương Khê',
    gln: gtinOf(farmA.business),
  });
  await addCertificate(f, farmA.owner, farmA.business.id, { name: 'VietGAP trồng trọt', number: 'VG-HK-01' });
  const farmB = await createProducer(f, admin, {
    business: { legalName: 'Trang trại Cam Vũ Quang' },
    product: { name: { vi: 'Cam Vũ Quang', en: 'Vu Quang orange' } },
  });
  const factory = await createProducer(f, admin, {
    business: { legalName: 'Công ty Nước ép Đồng Lộc', phone: '0239 3777 111' },
    location: { name: 'Xưởng ép Đồng Lộc', kind: 'factory' },
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
    locationId: packhouse.id,
    bizTransactions: [{ type: 'prodorder', id: 'DG-0301' }],
  });
  await recordStage(f, farmA.owner, orangesA.id, {
    stage: 'harvesting',
    eventTime: at(2),
    quantity: 1000,
    unit: 'KGM',
    locationId: farmA.location.id,
    bizTransactions: [{ type: 'prodorder', id: 'TH-0201' }],
  });
  await recordStage(f, farmA.owner, orangesA.id, {
    stage: 'preprocessing',
    eventTime: at(2, 14),
    quantity: 1000,
    unit: 'KGM',
    locationId: packhouse.id,
    bizTransactions: [{ type: 'prodorder', id: 'SC-0201' }],
  });
  await recordStage(f, farmA.owner, idleOranges.id, { stage: 'harvesting', eventTime: at(2, 9) });
  await recordStage(f, farmB.owner, orangesB.id, { stage: 'harvesting', eventTime: at(1) });
  await recordStage(f, farmA.owner, orangesA.id, {
    stage: 'shipping',
    eventTime: at(4),
    destinationBusinessId: factory.business.id,
    quantity: 900,
    unit: 'KGM',
    locationId: packhouse.id,
    bizTransactions: [{ type: 'desadv', id: 'PGH-0042' }],
  });
  await recordStage(f, factory.owner, orangesA.id, {
    stage: 'receiving',
    eventTime: at(5),
    quantity: 900,
    unit: 'KGM',
    locationId: factory.location.id,
  });
  await shipAndReceive(f, farmB.owner, factory, orangesB.id);

  const juice = await createBatch(f, factory.owner, factory.product.id, { unit: 'LTR' });
  await recordProcessing(f, factory.owner, {
    eventTime: at(6),
    locationId: factory.location.id,
    inputs: [
      { batchId: orangesA.id, quantity: 800, unit: 'KGM' },
      { batchId: orangesB.id, quantity: 400, unit: 'KGM' },
    ],
    outputs: [{ batchId: juice.id, quantity: 600, unit: 'LTR' }],
    bizTransactions: [{ type: 'prodorder', id: 'LSX-0611' }],
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
  return { farmA, packhouse, farmB, factory, shop, orangesA, idleOranges, orangesB, juice, bottlesA, bottlesB };
}
