import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { differenceFromLog, type BatchLogView, type IntegrityReport } from '@nguon/shared';
import { DataSource, In } from 'typeorm';
import { BatchEntity } from '../batch-store/batch.entity.js';
import { findBatchOrFail } from '../batch-store/find-batch.js';
import { TransparencyLog } from '../transparency/transparency-log.service.js';
import { chainRecords, loadChains, verifyChain } from './hash-chains.js';

/**
 * Recomputes batches' hash chains from what is stored (see `verifyChain`), then holds them against
 * the transparency log (see `differenceFromLog`): a chain recomputed behind the portal's back is
 * whole, but no longer what was logged.
 */
@Injectable()
export class BatchIntegrityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: TransparencyLog,
  ) {}

  async verifyBatch(batchId: string): Promise<IntegrityReport> {
    await findBatchOrFail(this.db.manager, batchId);
    return (await this.verifyBatches([batchId], new Date()))[0]!;
  }

  /** Several batches at once (a few queries whatever their number), all checked at `checkedAt`. */
  async verifyBatches(batchIds: string[], checkedAt: Date): Promise<IntegrityReport[]> {
    const [chains, held, recalled] = await Promise.all([
      loadChains(this.db, batchIds),
      this.log.heldFor(batchIds),
      this.recalledOf(batchIds),
    ]);
    return batchIds.map((id) => {
      const report = verifyChain(id, chains, checkedAt);
      if (!report.verified) return report;
      const firstBroken = held
        ? differenceFromLog(chainRecords(id, chains), held.get(id)!, recalled.has(id))
        : { seq: 0, eventId: null, problem: 'not_as_logged' as const };
      return { ...report, verified: firstBroken === null, firstBroken };
    });
  }

  /** What a verifier of the batch needs from the portal: see `BatchLogView`. */
  async batchLog(batchId: string): Promise<BatchLogView> {
    await findBatchOrFail(this.db.manager, batchId);
    const [chains, records, recalled] = await Promise.all([
      loadChains(this.db, [batchId]),
      this.log.provedRecords(batchId),
      this.recalledOf([batchId]),
    ]);
    return { batchId, ...records, chain: chainRecords(batchId, chains), recalled: recalled.has(batchId) };
  }

  private async recalledOf(batchIds: string[]): Promise<Set<string>> {
    const rows = await this.db.getRepository(BatchEntity).find({ where: { id: In(batchIds), status: 'recalled' }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  }
}
