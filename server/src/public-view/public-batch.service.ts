import { createHash } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PublicBatchView } from '@nguon/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { CertificatesService } from '../businesses/certificates.service.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { BatchViewCache } from '../common/cache/batch-view-cache.js';
import { ReplicaReads } from '../common/cache/replica-reads.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RecordsService } from '../records/records.service.js';
import { BatchLinks } from '../batch-store/batch-links.service.js';
import { ScanLog } from '../scans/scan-log.service.js';
import { mapPublicBatch } from './public-batch.mapper.js';
import { findScanCount, loadBatchRows, loadEvents, loadInputs } from './public-batch.queries.js';

/** How many processing steps back the consumer timeline follows raw materials. */
const MAX_LINEAGE_DEPTH = 8;

/**
 * A view without its scan count, and its JSON serialized and encoded once: the UTF-8 bytes up to
 * its closing brace, so each answer only appends the count (and a scan's token). `tag` names the
 * content for ETags; equal views on two instances have equal tags.
 */
interface CachedView {
  view: Omit<PublicBatchView, 'scanCount'>;
  jsonHead: Buffer;
  tag: string;
}

/** A consumer view as HTTP sends it: the JSON as UTF-8 (the cached head, then the count and token), and its ETag. */
export interface PublicBatchJson {
  body: readonly [Buffer, Buffer];
  etag: string;
}

function asJson(cached: CachedView, scanCount: number, scanToken: string | undefined): PublicBatchJson {
  const token = scanToken === undefined ? '' : `,"scanToken":${JSON.stringify(scanToken)}`;
  // Bytes encoded once, then the tail, sent as they are: encoding or copying 5-15 kB for every answer cost more than sending it.
  return {
    body: [cached.jsonHead, Buffer.from(`,"scanCount":${scanCount}${token}}`)],
    etag: `W/"${cached.tag}-${scanCount}"`,
  };
}

/**
 * The consumer's view of a batch. Built on a miss from a handful of set-based queries, read as one
 * page (PageReads), then served from memory until an event or recall touches one of the batches it
 * shows; its scan count comes from the scan log's memory too, so a warm view asks the database nothing.
 */
@Injectable()
export class PublicBatchService implements OnModuleDestroy {
  private readonly cache = new BatchViewCache<CachedView>();
  private readonly unsubscribe: () => void;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scans: ScanLog,
    private readonly records: RecordsService,
    private readonly certificates: CertificatesService,
    private readonly replicaReads: ReplicaReads,
    private readonly links: BatchLinks,
    changes: BatchChanges,
  ) {
    this.unsubscribe = changes.subscribe({
      batchesChanged: (ids) => this.cache.invalidate(ids),
      everythingChanged: () => this.cache.clear(),
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  /** The view with the batch's scan count. */
  async getPublicBatch(batchId: string): Promise<PublicBatchView> {
    const cached = this.cache.get(batchId) ?? (await this.build(batchId));
    return { ...cached.view, scanCount: this.scans.countOf(batchId) ?? (await this.readScanCount(batchId)) };
  }

  /** The same view as JSON text with its ETag; with a scan's token when it answers a scan (the resolver, which sends no ETag). */
  async getPublicBatchJson(batchId: string, scanToken?: string): Promise<PublicBatchJson> {
    const cached = this.cache.get(batchId) ?? (await this.build(batchId));
    return asJson(cached, this.scans.countOf(batchId) ?? (await this.readScanCount(batchId)), scanToken);
  }

  /** The same as getPublicBatchJson when the view and its count are in memory, else undefined. */
  jsonFromMemory(batchId: string, scanToken?: string): PublicBatchJson | undefined {
    const cached = this.cache.get(batchId);
    const scanCount = this.scans.countOf(batchId);
    return cached && scanCount !== undefined ? asJson(cached, scanCount, scanToken) : undefined;
  }

  /** The count is known in memory once the view was built: read again only if it was forgotten. */
  private async readScanCount(batchId: string): Promise<number> {
    const scanCount = await findScanCount(this.db.manager, batchId);
    if (scanCount === null) throw new DomainError('BATCH_NOT_FOUND');
    this.scans.remember(batchId, scanCount);
    return this.scans.countOf(batchId) ?? scanCount;
  }

  private async build(batchId: string): Promise<CachedView> {
    const ticket = this.cache.ticket();
    const page = await this.replicaReads.page(
      [batchId],
      (manager) => this.read(batchId, manager),
      ({ ids }) => ids,
    );
    const { lineage, ids, batches, events, inputs, own, certificates } = page;
    this.scans.remember(batchId, own.scan_count);
    const view = mapPublicBatch(batchId, { batches, lineage, events, inputs, certificates }, this.links);
    const jsonHead = Buffer.from(JSON.stringify(view).slice(0, -1));
    const cached = { view, jsonHead, tag: createHash('sha1').update(jsonHead).digest('base64url').slice(0, 16) };
    this.cache.set(batchId, cached, ids, ticket);
    return cached;
  }

  /**
   * What the view shows of a batch, read as one page on `manager`, in two rounds of queries: under
   * load each round waits its turn at a busy database and on the portal's busy event loop, and a
   * shopper waits for all.
   */
  private async read(batchId: string, manager: EntityManager) {
    // The batch and every batch it was made from, with the time each went into the processing on the
    // way here; beside it, what needs only the batch's id.
    const [lineage, inputs, certificates] = await Promise.all([
      this.records.lineage(batchId, 'backward', MAX_LINEAGE_DEPTH, manager),
      loadInputs(manager, [batchId]),
      this.certificates.certificatesOf({ batchIds: [batchId] }, manager),
    ]);
    const ids = lineage.map((l) => l.batch_id);
    const [batches, events] = await Promise.all([loadBatchRows(manager, ids), loadEvents(manager, ids)]);
    const own = batches.find((b) => b.id === batchId);
    if (!own) throw new DomainError('BATCH_NOT_FOUND');
    return { lineage, ids, batches, events, inputs, own, certificates };
  }
}
