import {
  stageOf,
  type CertificateView,
  type LocationKind,
  type PublicBatchView,
  type PublicPlace,
  type PublicSourceBatch,
  type TimelineEntry,
  type UnitCode,
} from '@nguon/shared';
import type { BatchLinks } from '../batch-store/batch-links.service.js';
import { documentsOf } from '../events/epcis-event.builder.js';
import { EXT } from '../events/portal-extensions.js';
import type { LineageRow } from '../records/records.service.js';
import type { BatchRow, EventRow, InputRow } from './public-batch.queries.js';

const num = (value: string | null): number | null => (value === null ? null : Number(value));
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function place(
  name: string | null,
  kind: string | null,
  address: string | null,
  province: string | null,
  lat: number | null,
  lng: number | null,
): PublicPlace | null {
  if (!name) return null;
  return { name, kind: kind as LocationKind, address: address ?? '', province: province ?? '', latitude: lat, longitude: lng };
}

function productName(row: Pick<BatchRow, 'name_vi' | 'name_en'>) {
  return { vi: row.name_vi, en: row.name_en };
}

function timelineEntry(row: EventRow, batches: Map<string, BatchRow>, ownBatchId: string): TimelineEntry {
  const doc = row.document;
  const fromBatch = row.batch_id === ownBatchId ? null : batches.get(row.batch_id);
  const passed = row.disposition === 'conformant' ? true : row.disposition === 'non_conformant' ? false : null;
  return {
    eventId: row.event_id,
    stage: stageOf(row.event_type, row.biz_step),
    bizStep: row.biz_step,
    eventType: row.event_type,
    eventTime: row.event_time.toISOString(),
    eventTimeZoneOffset: row.event_time_zone_offset,
    recordedBy: row.recorder_name,
    place: place(row.place_name, row.place_kind, row.place_address, row.place_province, row.place_latitude, row.place_longitude),
    quantity: num(row.quantity),
    unit: row.unit as UnitCode | null,
    source: row.source_name
      ? { businessId: row.source_business_id, name: row.source_name }
      : text(doc[EXT.sourceName])
        ? { businessId: null, name: text(doc[EXT.sourceName])! }
        : null,
    destination: row.destination_name
      ? { businessId: row.destination_business_id, name: row.destination_name }
      : text(doc[EXT.destinationName])
        ? { businessId: null, name: text(doc[EXT.destinationName])! }
        : null,
    documents: documentsOf(doc),
    certifications: [doc.certificationInfo].flat().filter((link): link is string => typeof link === 'string' && /^https?:\/\//.test(link)),
    passed: row.biz_step === 'inspecting' ? passed : null,
    note: text(doc[EXT.note]),
    fromBatch: fromBatch ? { id: fromBatch.id, lotCode: fromBatch.lot_code, productName: productName(fromBatch) } : null,
  };
}

type ProductColumns = Pick<
  BatchRow,
  'product_id' | 'name_vi' | 'name_en' | 'description_vi' | 'description_en' | 'category' | 'brand' | 'image_url' | 'gtin' | 'standards'
>;
type ProducerColumns = Pick<BatchRow, 'business_id' | 'legal_name' | 'address_line' | 'commune' | 'province' | 'phone' | 'business_status'>;

export function publicProduct(row: ProductColumns): PublicBatchView['product'] {
  return {
    id: row.product_id,
    name: { vi: row.name_vi, en: row.name_en },
    description: row.description_vi ? { vi: row.description_vi, en: row.description_en ?? row.description_vi } : null,
    category: row.category,
    brand: row.brand,
    imageUrl: row.image_url,
    gtin: row.gtin,
    standards: row.standards,
  };
}

export function publicProducer(row: ProducerColumns, certificates: CertificateView[]): PublicBatchView['producer'] {
  return {
    id: row.business_id,
    name: row.legal_name,
    address: { line: row.address_line, commune: row.commune, province: row.province },
    phone: row.phone,
    verified: row.business_status === 'verified',
    certificates,
  };
}

/** The batch's own recall, else the recall of the nearest batch it was made from. */
function recallOf(batch: BatchRow, sources: (BatchRow | undefined)[]): PublicBatchView['recall'] {
  const recalled = batch.status === 'recalled' ? batch : sources.find((s) => s?.status === 'recalled');
  if (!recalled?.recalled_at) return null;
  return {
    reasonCategory: recalled.recall_reason_category ?? 'other',
    reason: recalled.recall_reason ?? '',
    recalledAt: recalled.recalled_at.toISOString(),
    severity: recalled.recall_severity,
    source: recalled === batch ? null : { id: recalled.id, lotCode: recalled.lot_code, productName: productName(recalled) },
  };
}

/**
 * The consumer's view of a batch: its own events, and the stages of the batches it was made from
 * (their own records, not where else they went), oldest first.
 */
export function mapPublicBatch(
  batchId: string,
  rows: { batches: BatchRow[]; lineage: LineageRow[]; events: EventRow[]; inputs: InputRow[]; certificates: CertificateView[] },
  links: BatchLinks,
): Omit<PublicBatchView, 'scanCount'> {
  const batches = new Map(rows.batches.map((b) => [b.id, b]));
  const batch = batches.get(batchId);
  if (!batch) throw new Error(`batch ${batchId} not loaded`);
  const usedAt = new Map(rows.lineage.map((l) => [l.batch_id, l.used_at]));
  const seen = new Set<string>();
  const timeline: TimelineEntry[] = [];
  // The corrected history: an event declared wrong, and its declaration, leave the timeline
  // (inspectors still see both in the batch's records); corrective events are ordinary events.
  const declaredWrong = new Set(rows.events.filter((r) => r.error_declared).map((r) => r.event_id));
  for (const row of rows.events) {
    if (declaredWrong.has(row.event_id)) continue;
    const own = row.batch_id === batchId;
    // From source batches, only what happened to them; their processing appears once, on ours.
    if (!own && row.role !== 'subject') continue;
    // ...and only until they went into it: what happened to them afterwards is another story.
    const until = own ? null : usedAt.get(row.batch_id);
    if (until && row.event_time > until) continue;
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    timeline.push(timelineEntry(row, batches, batchId));
  }
  const sources: PublicSourceBatch[] = rows.inputs
    .filter((i) => i.output_batch_id === batchId)
    .flatMap((i) => {
      const source = batches.get(i.batch_id);
      return source
        ? [
            {
              id: source.id,
              lotCode: source.lot_code,
              productName: productName(source),
              producerName: source.legal_name,
              quantityUsed: num(i.quantity),
              unit: i.unit as UnitCode | null,
              link: 'processing' as const,
            },
          ]
        : [];
    });
  return {
    id: batch.id,
    identityUrl: links.identityUrl({
      gtin: batch.gtin,
      lotCode: batch.lot_code,
      shortCode: batch.short_code,
      expiryDate: batch.expiry_date,
      businessId: batch.business_id,
    }),
    lotCode: batch.lot_code,
    displayName: batch.display_name,
    productionDate: batch.production_date,
    expiryDate: batch.expiry_date,
    bestBeforeDate: batch.best_before_date,
    quantity: num(batch.quantity),
    unit: batch.unit as UnitCode | null,
    status: batch.status as PublicBatchView['status'],
    recall: recallOf(
      batch,
      rows.lineage
        .filter((l) => l.depth > 0)
        .sort((a, b) => a.depth - b.depth)
        .map((l) => batches.get(l.batch_id)),
    ),
    product: publicProduct(batch),
    producer: publicProducer(batch, rows.certificates),
    origin: place(
      batch.origin_name,
      batch.origin_kind,
      batch.origin_address,
      batch.origin_province,
      batch.origin_latitude,
      batch.origin_longitude,
    ),
    timeline,
    sources,
  };
}
