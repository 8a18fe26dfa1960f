import type { CbvBizTransactionType } from '../vocab/cbv.js';
import type { Stage } from '../vocab/stages.js';
import type { UnitCode } from '../vocab/units.js';

export interface BizTransactionInput {
  type: CbvBizTransactionType;
  /** The document's number, e.g. an invoice or delivery note number. */
  id: string;
}

/** Records one stage on one batch (every stage but registration and processing). */
export interface RecordStageRequest {
  stage: Exclude<Stage, 'registration' | 'processing'>;
  /** ISO 8601 date-time with offset; defaults to now. */
  eventTime?: string;
  /** +07:00 style; defaults to the offset in eventTime, else +07:00. */
  eventTimeZoneOffset?: string;
  locationId?: string;
  quantity?: number;
  unit?: UnitCode;
  /** Shipping: the receiving business on the portal, or a free-text party. */
  destinationBusinessId?: string;
  destinationName?: string;
  /** Receiving: the business the goods came from. */
  sourceBusinessId?: string;
  sourceName?: string;
  bizTransactions?: BizTransactionInput[];
  /** Inspecting: whether the batch passed, and the lab's result text. */
  passed?: boolean;
  note?: string;
}

export interface ProcessingInput {
  batchId: string;
  quantity: number;
  unit: UnitCode;
}

/** A processing step (TransformationEvent): input batches used, output batches made. */
export interface RecordProcessingRequest {
  inputs: ProcessingInput[];
  outputs: { batchId: string; quantity?: number; unit?: UnitCode }[];
  eventTime?: string;
  eventTimeZoneOffset?: string;
  locationId?: string;
  note?: string;
}

export const EVENT_BATCH_ROLES = ['subject', 'input', 'output', 'parent', 'child'] as const;
export type EventBatchRole = (typeof EVENT_BATCH_ROLES)[number];

export interface EventView {
  id: string;
  eventId: string;
  eventType: string;
  stage: Stage | null;
  action: string | null;
  bizStep: string | null;
  disposition: string | null;
  eventTime: string;
  eventTimeZoneOffset: string;
  recordTime: string;
  businessId: string | null;
  locationId: string | null;
  /** The EPCIS 2.0 event as stored. */
  epcis: Record<string, unknown>;
}

/** Whether a batch's stored records still form an unbroken hash chain. */
export interface IntegrityReport {
  batchId: string;
  verified: boolean;
  /** Records in the chain. */
  records: number;
  /** Records stored before hash chains existed, which cannot be checked. */
  unchained: number;
  checkedAt: string;
  /** The first record where the chain breaks: changed content, a wrong link, or a record gone. */
  firstBroken: { seq: number; eventId: string | null; problem: 'content_changed' | 'chain_broken' | 'record_missing' } | null;
}
