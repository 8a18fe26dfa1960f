import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BatchView, Page } from '@nguon/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { toPage, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { BatchEntity } from './batch.entity.js';
import { mapBatch } from './batch.mapper.js';

/** Reading batches. Batches are created and changed by events (see the events module). */
@Injectable()
export class BatchesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The batch with its product, or BATCH_NOT_FOUND; read in `db` when inside a transaction. */
  async findOrFail(id: string, db: EntityManager = this.db.manager): Promise<BatchEntity & { product: NonNullable<BatchEntity['product']> }> {
    const batch = await db.getRepository(BatchEntity).findOne({ where: { id }, relations: { product: true } });
    if (!batch?.product) throw new DomainError('BATCH_NOT_FOUND');
    return batch as BatchEntity & { product: NonNullable<BatchEntity['product']> };
  }

  async getBatch(id: string): Promise<BatchView> {
    const batch = await this.findOrFail(id);
    return mapBatch(batch, batch.product, this.config.publicBaseUrl);
  }

  async listBatches(businessId: string, query: PageQueryDto): Promise<Page<BatchView>> {
    const [rows, total] = await this.db.getRepository(BatchEntity).findAndCount({
      where: { businessId }, relations: { product: true }, order: { createdAt: 'DESC' }, skip: query.offset, take: query.limit,
    });
    return toPage(rows, total, query, (b) => mapBatch(b, b.product!, this.config.publicBaseUrl));
  }
}
