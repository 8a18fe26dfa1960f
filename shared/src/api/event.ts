import type { CbvBizTransactionType, CbvErrorReason } from '../vocab/cbv.js';
import type { ReceiptShortfallReason } from './shipments.js';
import type { Stage } from '../vocab/stages.js';
import type { UnitCode } from '../vocab/units.js';

export interface BizTransactionInput {
  type: CbvBizTransactionType;
  /** The document's number, e.g. an invoice or delivery note number. */
  id: string;
}

/** Stages only a batch's producer records (the farm's); a business it was shipped to records the rest. */
export const PRODUCER_ONLY_STAGES: readonly Stage[] = ['planting', 'growing', 'harvesting'];

/** A key data element an event may lack. */
export type RequiredEventField = 'location' | 'quantity' | 'destination' | 'source';

/**
 * What each stage must say for a trace to hold (who, what, where): the key data elements of the
 * critical tracking events. The stage forms ask for them; the inspectors' checks flag an event
 * that lacks one. Kept as data: the legal lists change more often than the code.
 */
export const STAGE_REQUIRED_DATA: Partial<Record<Stage, readonly RequiredEventField[]>> = {
  harvesting: ['location', 'quantity'],
  packing: ['location'],
  processing: ['location'],
  shipping: ['location', 'quantity', 'destination'],
  receiving: ['location', 'quantity', 'source'],
};

/** Stages that put a batch in front of buyers: refused once it is recalled. */
export const DISTRIBUTING_STAGES: readonly Stage[] = ['shipping', 'retail'];

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
  /** Receiving: why less arrived than was shipped (needed when the quantity is below the shipment's). */
  shortfallReason?: ReceiptShortfallReason;
  bizTransactions?: BizTransactionInput[];
  /** Inspecting: whether the batch passed, the lab, and its result documents (the business's own uploads). */
  passed?: boolean;
  labName?: string;
  attachmentIds?: string[];
  note?: string;
  /**
   * Shipping and retail: the person confirmed saving a quantity above what remains of the batch
   * (see `BatchBalanceView`); without it such a request is refused with MASS_BALANCE_EXCEEDED.
   */
  overrideMassBalance?: boolean;
}

/** The stage fields of a single-batch event: what a stage form edits, and what a correction restates. */
export type StageFields = Omit<RecordStageRequest, 'stage' | 'overrideMassBalance'>;

export interface ProcessingInput {
  batchId: string;
  quantity: number;
  unit: UnitCode;
}

/** An output batch made by the processing step itself: registered in the same transaction. */
export interface NewOutputBatch {
  productId: string;
  lotCode: string;
  displayName?: string;
  productionDate: string;
  expiryDate?: string;
  bestBeforeDate?: string;
  quantity?: number;
  unit?: UnitCode;
}

/**
 * An output: exactly one of an existing batch of the business (`batchId`, with the quantity made)
 * or a new one (`newBatch`, whose own quantity is the quantity made).
 */
export interface ProcessingOutput {
  batchId?: string;
  newBatch?: NewOutputBatch;
  quantity?: number;
  unit?: UnitCode;
}

/** A processing step (TransformationEvent): input batches used, output batches made. */
export interface RecordProcessingRequest {
  inputs: ProcessingInput[];
  outputs: ProcessingOutput[];
  eventTime?: string;
  eventTimeZoneOffset?: string;
  locationId?: string;
  note?: string;
  /** The batch record or production order it was made under (FSMA 204's reference document, 21 CFR 1.1350(a)(2)(vi)). */
  bizTransactions?: BizTransactionInput[];
  /** The person confirmed using more of an input than remains of it; otherwise refused with MASS_BALANCE_EXCEEDED. */
  overrideMassBalance?: boolean;
}

/**
 * "This is wrong": an EPCIS error declaration for an event and, when given, the corrected event
 * (same batch and stage unless `corrected.stage` says otherwise), listed as its corrective event.
 */
export interface DeclareEventErrorRequest {
  reason: CbvErrorReason;
  explanation: string;
  corrected?: StageFields & { stage?: RecordStageRequest['stage'] };
  /** The person confirmed a corrected shipment or sale of more than remains; otherwise refused with MASS_BALANCE_EXCEEDED. */
  overrideMassBalance?: boolean;
}

export interface ErrorDeclarationView {
  /** The declaration as stored (it repeats the declared event's eventID). */
  declaration: EventView;
  /** The corrective event, when one was recorded. */
  corrective: EventView | null;
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
  /** This record is an error declaration about the event with the same eventID. */
  errorDeclaration: boolean;
  /** An error declaration names this event: it stays in the records, off the consumer page. */
  declaredWrong: boolean;
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
  firstBroken: { seq: number; eventId: string | null; problem: IntegrityProblem } | null;
}

/**
 * What broke: a record's content changed, a link to the record before it forged, a record missing
 * (from the chain, or logged but gone); a record not as the transparency log holds it (changed
 * after it was logged, or never logged); the batch's recall state not as its logged recalls and
 * lifts leave it.
 */
export type IntegrityProblem = 'content_changed' | 'chain_broken' | 'record_missing' | 'not_as_logged' | 'recall_not_as_logged';
