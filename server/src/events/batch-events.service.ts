import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { EventView, Page } from '@nguon/shared';
import { DataSource, Repository } from 'typeorm';
import type { Actor } from '../auth/principal.js';
import { TenancyPolicy } from '../auth/tenancy.policy.js';
import { BatchesService } from '../batches/batches.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { toPage, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import { EventEntity } from './event.entity.js';
import { findDeclaredEventIds, findRecordingBusinesses } from './event-lookup.queries.js';
import { mapEvent } from './event.mapper.js';

/** Reading a batch's full event records, for those who took part in it and for inspectors. */
@Injectable()
export class BatchEventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(EventEntity) private readonly events: Repository<EventEntity>,
    private readonly batches: BatchesService,
  ) {}

  async listBatchEvents(actor: Actor, batchId: string, query: PageQueryDto): Promise<Page<EventView>> {
    await this.assertMayReadRecords(actor, batchId);
    const qb = this.events
      .createQueryBuilder('e')
      .innerJoin('event_batches', 'eb', 'eb.event_id = e.id AND eb.batch_id = :batchId', { batchId })
      .distinct(true);
    const [rows, total] = await qb
      .orderBy('e.event_time', 'ASC')
      .addOrderBy('e.record_time', 'ASC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    const declared = new Set(rows.filter((e) => e.errorDeclared).map((e) => e.eventId));
    const others = rows.filter((e) => !e.errorDeclared && !declared.has(e.eventId)).map((e) => e.eventId);
    // A declaration may fall on another page than the event it names.
    if (others.length) {
      for (const row of await findDeclaredEventIds(this.db.manager, others)) declared.add(row.event_id);
    }
    return toPage(rows, total, query, (e) => mapEvent(e, declared.has(e.eventId)));
  }

  /**
   * A batch's full records are for inspectors and administrators, its producer, and the
   * businesses that recorded events on it (one step back, one step forward).
   */
  async assertMayReadRecords(actor: Actor, batchId: string): Promise<void> {
    const batch = await this.batches.findOrFail(batchId);
    const principal = actor.principal;
    if (TenancyPolicy.readsEverything(principal) || TenancyPolicy.actsForAny(principal, [batch.businessId])) return;
    const parties = await findRecordingBusinesses(this.db.manager, batchId);
    if (
      !TenancyPolicy.actsForAny(
        principal,
        parties.map((p) => p.business_id),
      )
    )
      throw new DomainError('FORBIDDEN');
  }
}
