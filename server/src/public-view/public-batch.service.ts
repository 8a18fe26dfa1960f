import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PublicBatchView } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { mapCertificate } from '../businesses/business.mapper.js';
import { loadCertificates } from '../businesses/certificate.queries.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { PublicBatchCache, type CachedView } from './public-batch.cache.js';
import { mapPublicBatch } from './public-batch.mapper.js';
import { loadBatchRows, loadEvents, loadInputs, loadLineage } from './public-batch.queries.js';

/**
 * The consumer's view of a batch. Built from a handful of set-based queries on a miss, then
 * served from memory until an event or recall touches one of the batches it shows.
 */
@Injectable()
export class PublicBatchService implements OnModuleDestroy {
  private readonly cache = new PublicBatchCache();
  private readonly unsubscribe: () => void;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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

  /** The view with the current scan count (one indexed read). */
  async getPublicBatch(batchId: string): Promise<PublicBatchView> {
    const [row]: { scan_count: number }[] = await this.db.query(`SELECT scan_count FROM batches WHERE id = $1`, [batchId]);
    if (!row) throw new DomainError('BATCH_NOT_FOUND');
    return this.withScanCount(batchId, row.scan_count);
  }

  /** The view with a scan count the caller already has (the resolver's scan write returns it). */
  async withScanCount(batchId: string, scanCount: number): Promise<PublicBatchView> {
    const view = this.cache.get(batchId) ?? (await this.build(batchId));
    return { ...view, scanCount };
  }

  private async build(batchId: string): Promise<CachedView> {
    const lineage = await loadLineage(this.db, batchId);
    const ids = lineage.map((l) => l.batch_id);
    const [batches, events, inputs] = await Promise.all([
      loadBatchRows(this.db, ids),
      loadEvents(this.db, ids),
      loadInputs(this.db, [batchId]),
    ]);
    const own = batches.find((b) => b.id === batchId);
    if (!own) throw new DomainError('BATCH_NOT_FOUND');
    const certificates = await loadCertificates(this.db.manager, { businessIds: [own.business_id], productIds: [own.product_id] });
    const view = mapPublicBatch(batchId, { batches, lineage, events, inputs, certificates: certificates.map((c) => mapCertificate(c)) }, this.config.publicBaseUrl);
    this.cache.set(batchId, view, ids);
    return view;
  }
}
