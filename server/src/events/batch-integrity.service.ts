import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { IntegrityReport } from '@nguon/shared';
import { DataSource, In } from 'typeorm';
import { BatchesService } from '../batches/batches.service.js';
import { EventBatchEntity, EventEntity } from './event.entity.js';
import { recordHash } from './record-hash.js';

/**
 * Recomputes a batch's hash chain from what is stored: a record changed, removed or slipped in
 * behind the application's back shows as the first broken link.
 */
@Injectable()
export class BatchIntegrityService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly batches: BatchesService,
  ) {}

  async verifyBatch(batchId: string): Promise<IntegrityReport> {
    await this.batches.findOrFail(batchId);
    const own = await this.db.getRepository(EventBatchEntity).find({ where: { batchId }, order: { seq: 'ASC' } });
    const eventIds = [...new Set(own.map((l) => l.eventId))];
    const [events, links] = eventIds.length
      ? await Promise.all([
          this.db.getRepository(EventEntity).findBy({ id: In(eventIds) }),
          this.db.getRepository(EventBatchEntity).findBy({ eventId: In(eventIds) }),
        ])
      : [[], []];
    const eventById = new Map(events.map((e) => [e.id, e]));
    const report = (firstBroken: IntegrityReport['firstBroken'], records: number): IntegrityReport => ({
      batchId, verified: firstBroken === null, records, unchained: own.filter((l) => l.seq === null).length,
      checkedAt: new Date().toISOString(), firstBroken,
    });

    const chain = own.filter((l) => l.seq !== null);
    let previousHash: string | null = null;
    for (const [index, link] of chain.entries()) {
      const seq = index + 1;
      const event = eventById.get(link.eventId);
      if (link.seq !== seq || !event) return report({ seq, eventId: event?.eventId ?? null, problem: 'record_missing' }, chain.length);
      if (link.prevHash !== previousHash) return report({ seq, eventId: event.eventId, problem: 'chain_broken' }, chain.length);
      const recomputed = recordHash({ ...event, links: links.filter((l) => l.eventId === event.id) });
      if (recomputed !== event.recordHash) return report({ seq, eventId: event.eventId, problem: 'content_changed' }, chain.length);
      previousHash = event.recordHash;
    }
    return report(null, chain.length);
  }
}
