import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { EventView, Page } from '@nguon/shared';
import { DataSource, Repository } from 'typeorm';
import { toPage, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import { EventEntity } from './event.entity.js';
import { findDeclaredEventIds } from './event-lookup.queries.js';
import { mapEvent } from './event.mapper.js';

/** Reading a batch's full event records, for those who took part in it and for inspectors. */
@Injectable()
export class BatchEventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(EventEntity) private readonly events: Repository<EventEntity>,
  ) {}

  /** A batch's full records: for its producer, the businesses that recorded on it, inspectors and administrators (the route's access rule). */
  async listBatchEvents(batchId: string, query: PageQueryDto): Promise<Page<EventView>> {
    const qb = this.events
      .createQueryBuilder('e')
      .innerJoin('event_batches', 'eb', 'eb.event_id = e.id AND eb.record_time = e.record_time AND eb.batch_id = :batchId', { batchId })
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
}
