import { Injectable } from '@nestjs/common';
import type { BatchSearchResult, BatchStatus, Page } from '@nguon/shared';
import { ReplicaReads } from '../common/cache/replica-reads.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { toPage } from '../common/pagination/page-query.dto.js';
import { searchBatches, type BatchSearchRow } from './batch-search.queries.js';
import type { BatchSearchQueryDto } from './dto/batch-search.query.js';

/** The inspector's search: batches of every business, by what is printed on a pack or written in the records. */
@Injectable()
export class SearchService {
  constructor(private readonly reads: ReplicaReads) {}

  async searchBatches(query: BatchSearchQueryDto): Promise<Page<BatchSearchResult>> {
    if (query.from && query.to && query.to < query.from) {
      throw new DomainError('VALIDATION_FAILED', undefined, {
        to: [RULE_MESSAGES.search.endBeforeStart],
      });
    }
    const { rows, total } = await searchBatches(await this.reads.forEverything(), query);
    return toPage(rows, total, query, mapSearchResult);
  }
}

function mapSearchResult(row: BatchSearchRow): BatchSearchResult {
  return {
    id: row.id,
    lotCode: row.lot_code,
    productName: { vi: row.name_vi, en: row.name_en },
    gtin: row.gtin,
    businessId: row.business_id,
    businessName: row.legal_name,
    status: row.status as BatchStatus,
    productionDate: row.production_date,
    lastEvent:
      row.last_event_time && row.last_event_type
        ? { bizStep: row.last_biz_step, eventType: row.last_event_type, eventTime: row.last_event_time.toISOString() }
        : null,
  };
}
