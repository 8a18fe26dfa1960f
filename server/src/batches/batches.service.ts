import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { BatchListItem, BatchScansView, BatchView, Page } from '@nguon/shared';
import { DataSource, Repository } from 'typeorm';
import { toPage } from '../common/pagination/page-query.dto.js';
import { escapeLike } from '../common/sql/escape-like.js';
import { ScanLog } from '../scans/scan-log.service.js';
import { countScansByDay, fillScanDays, loadScanTotals, scanWindow } from './batch-scans.queries.js';
import { BatchLinks } from '../batch-store/batch-links.service.js';
import { BatchEntity } from '../batch-store/batch.entity.js';
import { findBatchOrFail, type BatchWithProduct } from '../batch-store/find-batch.js';
import { mapBatch, mapBatchListItem } from './batch.mapper.js';
import { loadLastEventTimes } from './batches.queries.js';
import type { ListBatchesQueryDto } from './dto/list-batches.query.js';

/** Reading batches. BatchRegistration registers them; events change them (see the events module). */
@Injectable()
export class BatchesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(BatchEntity) private readonly batches: Repository<BatchEntity>,
    private readonly links: BatchLinks,
    private readonly scans: ScanLog,
  ) {}

  /** The batch with its product, or BATCH_NOT_FOUND. */
  findOrFail(id: string): Promise<BatchWithProduct> {
    return findBatchOrFail(this.batches.manager, id);
  }

  async getBatch(id: string): Promise<BatchView> {
    const batch = await this.findOrFail(id);
    return mapBatch(batch, this.links.identityUrlOf(batch));
  }

  /** A business's batches: for its members and keys, inspectors and administrators (the route's access rule). */
  async listBatches(businessId: string, query: ListBatchesQueryDto): Promise<Page<BatchListItem>> {
    const qb = this.batches
      .createQueryBuilder('b')
      .innerJoinAndSelect('b.product', 'p')
      .where('b.business_id = :businessId', { businessId });
    if (query.status) qb.andWhere('b.status = :status', { status: query.status });
    if (query.productId) qb.andWhere('b.product_id = :productId', { productId: query.productId });
    const q = query.q?.trim();
    if (q) {
      qb.andWhere(
        `(unaccent(lower(b.lot_code)) LIKE unaccent(lower(:q)) OR unaccent(lower(coalesce(b.display_name, ''))) LIKE unaccent(lower(:q))
          OR unaccent(lower(p.name_vi)) LIKE unaccent(lower(:q)) OR unaccent(lower(p.name_en)) LIKE unaccent(lower(:q)))`,
        { q: `%${escapeLike(q)}%` },
      );
    }
    const [rows, total] = await qb
      .orderBy('b.created_at', 'DESC')
      .addOrderBy('b.id')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    const lastEvents = await this.lastEventTimes(rows.map((b) => b.id));
    return toPage(rows, total, query, (b) =>
      mapBatchListItem(b, b.product!, lastEvents.get(b.id) ?? null, this.links.identityUrl({ ...b, gtin: b.product!.gtin })),
    );
  }

  /** When each batch last had an event: one query for the page. */
  private async lastEventTimes(batchIds: string[]): Promise<Map<string, Date>> {
    if (!batchIds.length) return new Map();
    const rows = await loadLastEventTimes(this.db.manager, batchIds);
    return new Map(rows.flatMap((r) => (r.at ? [[r.id, r.at] as const] : [])));
  }

  /** How often the batch's code was opened: in all, and by day over the last week. */
  async getScans(batchId: string): Promise<BatchScansView> {
    const window = scanWindow();
    // This instance's scans of the last moments are written first: a business sees its own test scan.
    await this.scans.flush();
    const [totals, byDay] = await Promise.all([loadScanTotals(this.db, batchId), countScansByDay(this.db, { batchId }, window.since)]);
    return {
      batchId,
      total: totals.total,
      lastSevenDays: fillScanDays(window.days, byDay),
      firstScanAt: totals.first?.toISOString() ?? null,
      lastScanAt: totals.last?.toISOString() ?? null,
    };
  }
}
