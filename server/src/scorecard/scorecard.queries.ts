import type { ScorecardCriterion, ScorecardSort, SortOrder } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { standingEventSql } from '../records/records.sql.js';

/** Each criterion's column in `evaluated` (a boolean per batch), in `SCORECARD_CRITERIA`'s order. */
export const CRITERION_COLUMNS = {
  identified: 'identified',
  producer: 'producer',
  origin: 'origin',
  stages: 'stages',
  stepBack: 'step_back',
  stepForward: 'step_forward',
  documents: 'documents',
  certificates: 'certificates',
} as const satisfies Record<ScorecardCriterion, string>;
type CriterionColumn = (typeof CRITERION_COLUMNS)[ScorecardCriterion];
const CRITERIA = Object.entries(CRITERION_COLUMNS) as [ScorecardCriterion, CriterionColumn][];

/** Places where a lot is grown, raised or gathered: a batch made there is primary production, its origin is its step back. */
const PRIMARY_PRODUCTION_PLACES = `('farm', 'growing_area', 'pond', 'apiary')`;

/** The stages whose record names the documents they hand over: the invoice or delivery note of a shipment or receipt, a lab's report. */
const DOCUMENTED_STEPS = `('shipping', 'receiving', 'inspecting')`;

/** A jsonb list field of event `e`'s document that holds something. */
const listed = (field: string) => `coalesce(e.document -> '${field}', '[]'::jsonb) NOT IN ('[]'::jsonb, '""'::jsonb)`;

/**
 * Every batch `b` that `scope` keeps, checked on every criterion (decision record 0036), in one
 * pass over its business's events: only events that stand count (not an error declaration, not
 * declared wrong), only those its own business recorded (what a receiver records is the
 * receiver's), and not a recall decision or its lifting (a decision about the lot, not a stage
 * it went through). Columns: the batch, a boolean per criterion, and what each failing one lacks.
 */
function evaluatedSql(scope: string): string {
  return `
  own_events AS (
    SELECT eb.batch_id, eb.role, e.id, e.event_type, e.action, e.biz_step,
           coalesce(e.location_id::text, e.biz_location, e.read_point) IS NOT NULL AS placed,
           e.source_business_id IS NOT NULL OR ${listed('sourceList')} AS sourced,
           e.destination_business_id IS NOT NULL OR ${listed('destinationList')} AS addressed,
           ${listed('bizTransactionList')} OR ${listed('certificationInfo')} AS documented
      FROM batches b
      JOIN event_batches eb ON eb.batch_id = b.id
      JOIN events e ON e.id = eb.event_id
     WHERE ${scope} AND e.business_id = b.business_id AND ${standingEventSql('e')}
       AND NOT (e.biz_step = 'holding' AND e.disposition IN ('recalled', 'active'))),
  facts AS (
    SELECT o.batch_id, count(*) AS stages,
           jsonb_agg(DISTINCT jsonb_build_array(o.event_type, o.biz_step)) FILTER (WHERE NOT o.placed) AS placeless,
           bool_or(o.placed AND (o.role = 'output' OR (o.role = 'subject' AND o.action = 'ADD'))) AS made_somewhere,
           bool_or(o.role = 'output' AND EXISTS (SELECT 1 FROM event_batches i WHERE i.event_id = o.id AND i.role = 'input')) AS has_inputs,
           bool_or(o.sourced) AS has_source,
           count(*) FILTER (WHERE o.biz_step = 'shipping' AND NOT o.addressed)::int AS unaddressed,
           jsonb_agg(DISTINCT jsonb_build_array(o.event_type, o.biz_step))
             FILTER (WHERE o.biz_step IN ${DOCUMENTED_STEPS} AND NOT o.documented) AS undocumented
      FROM own_events o
     GROUP BY o.batch_id),
  evaluated AS (
    SELECT b.id, b.business_id, b.lot_code, b.production_date::text AS production_date, p.name_vi, p.name_en,
           p.gtin IS NOT NULL AS identified,
           bu.tax_code_confirmed AND pr.gs1_party AS producer,
           b.origin_location_id IS NOT NULL OR coalesce(f.made_somewhere, false) AS origin,
           coalesce(f.stages, 0) > 0 AND f.placeless IS NULL AS stages,
           coalesce(ol.kind IN ${PRIMARY_PRODUCTION_PLACES} OR f.has_inputs OR f.has_source, false) AS step_back,
           coalesce(f.unaddressed, 0) = 0 AS step_forward,
           f.undocumented IS NULL AS documents,
           c.kinds > 0 AND c.lapsed IS NULL AS certificates,
           to_jsonb(array_remove(ARRAY[CASE WHEN NOT bu.tax_code_confirmed THEN 'taxCode' END,
                                       CASE WHEN NOT pr.gs1_party THEN 'gs1Party' END], NULL)) AS producer_missing,
           coalesce(f.placeless, '[]'::jsonb) AS stages_missing,
           to_jsonb(array_fill('shipping'::text, ARRAY[coalesce(f.unaddressed, 0)])) AS step_forward_missing,
           coalesce(f.undocumented, '[]'::jsonb) AS documents_missing,
           to_jsonb(coalesce(c.lapsed, '{}')) AS certificates_missing
      FROM batches b
      JOIN products p ON p.id = b.product_id
      JOIN businesses bu ON bu.id = b.business_id
      CROSS JOIN LATERAL (
        SELECT bu.gln IS NOT NULL OR EXISTS (SELECT 1 FROM business_gs1_prefixes g WHERE g.business_id = bu.id AND g.confirmed) AS gs1_party) pr
      LEFT JOIN locations ol ON ol.id = b.origin_location_id
      LEFT JOIN facts f ON f.batch_id = b.id
      -- Per kind of certificate held on the production day (the business's, or the product's own),
      -- whether one of that kind was valid then: a renewal covers the certificate it replaces.
      CROSS JOIN LATERAL (
        SELECT count(*) AS kinds, array_agg(k.kind ORDER BY k.kind) FILTER (WHERE NOT k.covered) AS lapsed
          FROM (SELECT c.kind, bool_or(c.valid_to IS NULL OR c.valid_to >= b.production_date) AS covered
                  FROM certificates c
                 WHERE c.business_id = b.business_id AND (c.product_id IS NULL OR c.product_id = b.product_id)
                   AND (c.valid_from IS NULL OR c.valid_from <= b.production_date)
                 GROUP BY c.kind) k) c
     WHERE ${scope})`;
}

/** Per business: its batches, how many meet each criterion, and the shares (float, null without batches). */
function scoresSql(scope: string): string {
  const counts = CRITERIA.map(([, column]) => `(count(*) FILTER (WHERE v.${column}))::int AS ${column}`).join(', ');
  const shares = CRITERIA.map(([, column]) => `s.${column}::float8 / nullif(s.batches, 0) AS ${column}_share`).join(', ');
  const metSum = CRITERIA.map(([, column]) => `s.${column}`).join(' + ');
  return `
  counted AS (
    SELECT bu.id AS business_id, bu.legal_name, bu.tax_code, bu.province, count(v.id)::int AS batches,
           (count(*) FILTER (WHERE ${CRITERIA.map(([, column]) => `v.${column}`).join(' AND ')}))::int AS complete, ${counts}
      FROM businesses bu
      LEFT JOIN evaluated v ON v.business_id = bu.id
     WHERE ${scope}
     GROUP BY bu.id),
  scores AS (
    SELECT s.*, ${shares}, (${metSum})::float8 / nullif(s.batches * ${CRITERIA.length}, 0) AS overall
      FROM counted s)`;
}

/** A criterion's share of batches meeting it: from 0 to 1, null without batches. */
type Shares = Record<`${CriterionColumn}_share`, number | null>;

export type ScoreRow = {
  business_id: string;
  legal_name: string;
  tax_code: string;
  province: string;
  batches: number;
  complete: number;
  overall: number | null;
} & Record<CriterionColumn, number> &
  Shares;

export type AverageRow = { businesses: number; total: number; overall: number | null } & Shares;

/** One business's scores. */
export async function loadBusinessScore(db: EntityManager, businessId: string): Promise<ScoreRow | undefined> {
  const rows: ScoreRow[] = await db.query(`WITH ${evaluatedSql('b.business_id = $1')}, ${scoresSql('bu.id = $1')} SELECT * FROM scores`, [
    businessId,
  ]);
  return rows[0];
}

const SORT_SQL: Record<ScorecardSort, string> = {
  ...(Object.fromEntries(CRITERIA.map(([criterion, column]) => [criterion, `${column}_share`])) as Record<ScorecardCriterion, string>),
  overall: 'overall',
  business: 'nguon_fold(legal_name)',
  batches: 'batches',
};

/**
 * A page of every business's scores, sorted, and the average of the businesses with batches (each
 * counting once) in the same statement: the scores are computed once, and the average comes even
 * with a page past the end.
 */
export async function loadScorePage(
  db: EntityManager,
  query: { sort: ScorecardSort; order: SortOrder; limit: number; offset: number },
): Promise<{ rows: ScoreRow[]; average: AverageRow }> {
  const averages = CRITERIA.map(([, column]) => `avg(${column}_share) AS ${column}_share`).join(', ');
  const order = `${SORT_SQL[query.sort]} ${query.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, nguon_fold(legal_name), business_id`;
  const rows: (ScoreRow & { average: AverageRow | string })[] = await db.query(
    `WITH ${evaluatedSql('true')}, ${scoresSql('true')},
     average AS (SELECT (count(*) FILTER (WHERE batches > 0))::int AS businesses, count(*)::int AS total, avg(overall) AS overall, ${averages}
                   FROM scores),
     page AS (SELECT * FROM scores ORDER BY ${order} LIMIT $1 OFFSET $2)
     SELECT page.*, to_jsonb(average) AS average FROM average LEFT JOIN page ON true ORDER BY ${order}`,
    [query.limit, query.offset],
  );
  const first = rows[0]!;
  // A driver may hand jsonb back as text.
  const average = typeof first.average === 'string' ? (JSON.parse(first.average) as AverageRow) : first.average;
  return { rows: rows.filter((row) => row.business_id !== null), average };
}

export interface GapRow {
  criterion: ScorecardCriterion;
  failing: number;
  id: string;
  lot_code: string;
  production_date: string;
  name_vi: string;
  name_en: string;
  missing: unknown[] | string;
  /** Its place in the criterion's list, from 1. */
  n: number;
}

/**
 * A business's batches failing each criterion (or only `criterion`), `limit` of each from
 * `offset` by lot code, with how many fail it in all. Each criterion's first failing batch comes
 * too, so that the count is known on a page past the end.
 */
export function loadGaps(
  db: EntityManager,
  businessId: string,
  page: { criterion?: ScorecardCriterion; limit: number; offset: number },
): Promise<GapRow[]> {
  const checks = CRITERIA.map(([criterion, column]) => {
    const missing = ['identified', 'origin', 'stepBack'].includes(criterion) ? `'[]'::jsonb` : `v.${column}_missing`;
    return `('${criterion}', v.${column}, ${missing})`;
  }).join(', ');
  return db.query(
    `WITH ${evaluatedSql('b.business_id = $1')},
     gaps AS (
       SELECT g.criterion, v.id, v.lot_code, v.production_date, v.name_vi, v.name_en, g.missing,
              (count(*) OVER (PARTITION BY g.criterion))::int AS failing,
              (row_number() OVER (PARTITION BY g.criterion ORDER BY v.lot_code, v.id))::int AS n
         FROM evaluated v CROSS JOIN LATERAL (VALUES ${checks}) g(criterion, met, missing)
        WHERE NOT g.met AND ($2::text IS NULL OR g.criterion = $2))
     SELECT criterion, failing, id, lot_code, production_date, name_vi, name_en, missing, n FROM gaps
      WHERE n = 1 OR (n > $3 AND n <= $3 + $4) ORDER BY criterion, n`,
    [businessId, page.criterion ?? null, page.offset, page.limit],
  );
}
