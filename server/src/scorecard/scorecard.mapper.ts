import {
  SCORECARD_CRITERIA,
  stageOf,
  type BusinessScore,
  type ScorecardAverage,
  type ScorecardCriterion,
  type ScorecardFailures,
  type ScorecardGap,
} from '@nguon/shared';
import { CRITERION_COLUMNS, type AverageRow, type GapRow, type ScoreRow } from './scorecard.queries.js';

const byCriterion = <T>(value: (criterion: ScorecardCriterion) => T) =>
  Object.fromEntries(SCORECARD_CRITERIA.map((criterion) => [criterion, value(criterion)])) as Record<ScorecardCriterion, T>;

export function mapScore(row: ScoreRow): BusinessScore {
  return {
    businessId: row.business_id,
    businessName: row.legal_name,
    taxCode: row.tax_code,
    province: row.province,
    batches: row.batches,
    completeBatches: row.complete,
    overall: row.overall,
    criteria: byCriterion((criterion) => {
      const column = CRITERION_COLUMNS[criterion];
      return { met: row[column], total: row.batches, share: row[`${column}_share`] };
    }),
  };
}

export function mapAverage(row: AverageRow): ScorecardAverage {
  return {
    businesses: row.businesses,
    overall: row.overall,
    criteria: byCriterion((criterion) => row[`${CRITERION_COLUMNS[criterion]}_share`]),
  };
}

/** Events named by (type, bizStep) become the stage the portal calls them, else their bizStep. */
function missingOf(criterion: ScorecardCriterion, missing: unknown[]): string[] {
  if (criterion !== 'stages' && criterion !== 'documents') return missing as string[];
  return (missing as [string, string | null][]).map(([eventType, bizStep]) => stageOf(eventType, bizStep) ?? bizStep ?? eventType);
}

function mapGap(row: GapRow): ScorecardGap {
  // A driver may hand jsonb back as text.
  const missing = typeof row.missing === 'string' ? (JSON.parse(row.missing) as unknown[]) : row.missing;
  return {
    batchId: row.id,
    lotCode: row.lot_code,
    productName: { vi: row.name_vi, en: row.name_en },
    productionDate: row.production_date,
    missing: missingOf(row.criterion, missing),
  };
}

/** A criterion's failing batches from `offset` on, and how many there are (`loadGaps` brings each criterion's first along). */
export function mapFailures(criterion: ScorecardCriterion, rows: readonly GapRow[], offset: number): ScorecardFailures {
  const own = rows.filter((row) => row.criterion === criterion);
  return { criterion, total: own[0]?.failing ?? 0, batches: own.filter((row) => row.n > offset).map(mapGap) };
}
