import type { LocalizedText } from '../i18n/locale.js';
import type { BatchStatus } from './batch.js';
import type { IntegrityReport } from './event.js';

export const TRACE_DIRECTIONS = ['backward', 'forward', 'both'] as const;
export type TraceDirection = (typeof TRACE_DIRECTIONS)[number];

export interface TraceBatchNode {
  id: string;
  lotCode: string;
  productName: LocalizedText;
  gtin: string | null;
  businessId: string;
  businessName: string;
  status: BatchStatus;
  /** Steps from the starting batch: negative backward (its sources), positive forward. */
  depth: number;
  /** The recall in force on this batch: its own (`sourceBatchId` is the batch) or one upstream of it. */
  recall: { id: string; sourceBatchId: string } | null;
}

/** A link between two batches (processing) or from a batch to a business it was shipped to. */
export interface TraceEdge {
  kind: 'processing' | 'shipping';
  from: string;
  /** A batch id for processing, a business id for shipping. */
  to: string;
  eventId: string;
  eventTime: string;
}

/** Trace back to every source batch and forward to every batch made from it and every business it went to. */
export interface TraceView {
  batchId: string;
  direction: TraceDirection;
  maxDepth: number;
  batches: TraceBatchNode[];
  businesses: { id: string; name: string }[];
  edges: TraceEdge[];
}

/** `GET /api/batches/{id}/trace/integrity`: the hash chain of every batch in the trace, checked together. */
export interface TraceIntegrityReport {
  batchId: string;
  direction: TraceDirection;
  maxDepth: number;
  /** Every batch's records verify. */
  verified: boolean;
  checkedAt: string;
  /** One report per batch of the trace; a broken one names its first broken record. */
  batches: IntegrityReport[];
}
