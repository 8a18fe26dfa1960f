import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IntegrityReport } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { findBatchOrFail } from '../batch-store/find-batch.js';
import { loadChains, verifyChain } from './hash-chains.js';

/** Recomputes batches' hash chains from what is stored (see `verifyChain`). */
@Injectable()
export class BatchIntegrityService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async verifyBatch(batchId: string): Promise<IntegrityReport> {
    await findBatchOrFail(this.db.manager, batchId);
    return (await this.verifyBatches([batchId], new Date()))[0]!;
  }

  /** Several batches at once (three queries whatever their number), all checked at `checkedAt`. */
  async verifyBatches(batchIds: string[], checkedAt: Date): Promise<IntegrityReport[]> {
    const chains = await loadChains(this.db, batchIds);
    return batchIds.map((id) => verifyChain(id, chains, checkedAt));
  }
}
