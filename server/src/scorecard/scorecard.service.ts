import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SCORECARD_CRITERIA, type BusinessScorecard, type Page, type ScorecardGap, type ScorecardList } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { ReplicaReads } from '../common/cache/replica-reads.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { ScorecardGapsQueryDto, ScorecardListQueryDto } from './dto/scorecard.query.js';
import { mapAverage, mapFailures, mapScore } from './scorecard.mapper.js';
import { loadBusinessScore, loadGaps, loadScorePage } from './scorecard.queries.js';

/** How many failing batches of each criterion the scorecard shows at once; the rest page by page. */
const GAPS_SHOWN = 10;

/**
 * How completely businesses' batches carry the data TCVN 12850 and Circular 02 ask for (decision
 * record 0036), read-only. A business's own scorecard reads the primary, as its other portal
 * pages do: what it has just fixed (a certificate, a product's GTIN) is master data, which no
 * replica wait covers. The inspectors' table reads as search does (decision record 0034).
 */
@Injectable()
export class ScorecardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reads: ReplicaReads,
  ) {}

  async getBusinessScorecard(businessId: string): Promise<BusinessScorecard> {
    const db = this.db.manager;
    const [score, gaps] = await Promise.all([
      loadBusinessScore(db, businessId),
      loadGaps(db, businessId, { limit: GAPS_SHOWN, offset: 0 }),
    ]);
    if (!score) throw new DomainError('BUSINESS_NOT_FOUND');
    return { score: mapScore(score), failures: SCORECARD_CRITERIA.map((criterion) => mapFailures(criterion, gaps, 0)) };
  }

  async listGaps(businessId: string, query: ScorecardGapsQueryDto): Promise<Page<ScorecardGap>> {
    const rows = await loadGaps(this.db.manager, businessId, query);
    const { total, batches } = mapFailures(query.criterion, rows, query.offset);
    return { items: batches, total, limit: query.limit, offset: query.offset };
  }

  async listScores(query: ScorecardListQueryDto): Promise<ScorecardList> {
    const { rows, average } = await loadScorePage(await this.reads.forEverything(), query);
    return { items: rows.map(mapScore), total: average.total, limit: query.limit, offset: query.offset, average: mapAverage(average) };
  }
}
