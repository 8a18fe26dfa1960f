import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IntegrityReport } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { BatchesService } from '../batches/batches.service.js';
import { loadChains, verifyChain } from './hash-chains.js';

/** Recomputes a batch's hash chain from what is stored (see `verifyChain`). */
@Injectable()
export class BatchIntegrityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly batches: BatchesService,
  ) {}

  async verifyBatch(batchId: string): Promise<IntegrityReport> {
    await this.batches.findOrFail(batchId);
    return verifyChain(batchId, await loadChains(this.db, [batchId]), new Date());
  }
}
