import { Injectable } from '@nestjs/common';
import type { TraceIntegrityReport, TraceView } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { ReplicaReads } from '../common/cache/replica-reads.js';
import { DomainError } from '../common/errors/domain-error.js';
import { BatchIntegrityService } from '../events/batch-integrity.service.js';
import { RecordsService } from '../records/records.service.js';
import type { TraceQueryDto } from './trace-query.dto.js';
import { batchExists, loadActiveRecalls, loadBusinessNames, loadTraceBatches, loadTraceEdges } from './trace.queries.js';

/** An inspector's trace of a batch: one step back and one step forward, as far as the records go. */
@Injectable()
export class TraceService {
  constructor(
    private readonly reads: ReplicaReads,
    private readonly records: RecordsService,
    private readonly integrity: BatchIntegrityService,
  ) {}

  async traceBatch(batchId: string, query: TraceQueryDto): Promise<TraceView> {
    const manager = await this.reads.forEverything();
    const depthOf = await this.reach(batchId, query, manager);
    const ids = [...depthOf.keys()];
    const [batches, edges, recalls] = await Promise.all([
      loadTraceBatches(manager, ids),
      loadTraceEdges(manager, ids),
      loadActiveRecalls(manager, ids),
    ]);
    if (!batches.some((b) => b.id === batchId)) throw new DomainError('BATCH_NOT_FOUND');
    // Shipping edges lead to businesses: forward only, since what was shipped to the start's sources is not in its trace.
    const shown = edges.filter((e) => e.kind === 'processing' || (depthOf.get(e.from_id) ?? 0) >= 0);
    const businessIds = [...new Set(shown.filter((e) => e.kind === 'shipping').map((e) => e.to_id))];
    const names = businessIds.length ? await loadBusinessNames(manager, businessIds) : [];
    // A batch's own recall comes before one that reaches it from upstream.
    const recallOf = new Map<string, { id: string; sourceBatchId: string }>();
    for (const r of recalls)
      if (!recallOf.has(r.batch_id) || r.source_batch_id === r.batch_id)
        recallOf.set(r.batch_id, { id: r.recall_id, sourceBatchId: r.source_batch_id });
    return {
      batchId,
      direction: query.direction,
      maxDepth: query.depth,
      batches: batches
        .map((b) => ({
          id: b.id,
          lotCode: b.lot_code,
          productName: { vi: b.name_vi, en: b.name_en },
          gtin: b.gtin,
          businessId: b.business_id,
          businessName: b.legal_name,
          status: b.status,
          depth: depthOf.get(b.id) ?? 0,
          recall: recallOf.get(b.id) ?? null,
        }))
        .sort((a, b) => a.depth - b.depth || a.lotCode.localeCompare(b.lotCode)),
      businesses: names.map((n) => ({ id: n.id, name: n.legal_name })),
      edges: shown.map((e) => ({ kind: e.kind, from: e.from_id, to: e.to_id, eventId: e.event_id, eventTime: e.event_time.toISOString() })),
    };
  }

  /** Every batch of the trace checked against its hash chain, with the first broken record of each. */
  async verifyTrace(batchId: string, query: TraceQueryDto): Promise<TraceIntegrityReport> {
    const manager = await this.reads.forEverything();
    const depthOf = await this.reach(batchId, query, manager);
    if (!(await batchExists(manager, batchId))) throw new DomainError('BATCH_NOT_FOUND');
    const ids = [...depthOf.keys()].sort((a, b) => depthOf.get(a)! - depthOf.get(b)!);
    const checkedAt = new Date();
    const batches = await this.integrity.verifyBatches(ids, checkedAt);
    return {
      batchId,
      direction: query.direction,
      maxDepth: query.depth,
      verified: batches.every((b) => b.verified),
      checkedAt: checkedAt.toISOString(),
      batches,
    };
  }

  /** The trace's batches and their steps from the start: negative backward, positive forward. */
  private async reach(batchId: string, query: TraceQueryDto, manager: EntityManager): Promise<Map<string, number>> {
    const [backward, forward] = await Promise.all([
      query.direction === 'forward' ? [] : this.records.lineage(batchId, 'backward', query.depth, manager),
      query.direction === 'backward' ? [] : this.records.lineage(batchId, 'forward', query.depth, manager),
    ]);
    const depthOf = new Map<string, number>([[batchId, 0]]);
    for (const row of backward) if (row.depth > 0) depthOf.set(row.batch_id, -row.depth);
    for (const row of forward) if (row.depth > 0) depthOf.set(row.batch_id, row.depth);
    return depthOf;
  }
}
