import { Injectable } from '@nestjs/common';
import type { BatchStatus, PublicLotSearch } from '@nguon/shared';
import { ReplicaReads } from '../common/cache/replica-reads.js';
import { loadLotMatches } from './public-lots.queries.js';

/** A lot code is only unique within a product: the consumer chooses among at most this many. */
const MAX_MATCHES = 10;

/** A lot code typed alone, without the product's GTIN: the batches of verified businesses that carry it. */
@Injectable()
export class PublicLotsService {
  constructor(private readonly reads: ReplicaReads) {}

  async search(code: string): Promise<PublicLotSearch> {
    const rows = await this.reads.page(
      [],
      (manager) => loadLotMatches(manager, code, MAX_MATCHES),
      (found) => found.map((row) => row.id),
    );
    return {
      matches: rows.slice(0, MAX_MATCHES).map((row) => ({
        id: row.id,
        lotCode: row.lot_code,
        productName: { vi: row.name_vi, en: row.name_en },
        producerName: row.legal_name,
        province: row.province,
        productionDate: row.production_date,
        status: row.status as BatchStatus,
      })),
      more: rows.length > MAX_MATCHES,
    };
  }
}
