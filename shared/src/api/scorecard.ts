import type { LocalizedText } from '../i18n/locale.js';
import type { SortOrder } from './search.js';

/**
 * What the compliance scorecard checks on every batch (decision record 0036): the key data
 * elements of TCVN 12850:2019 (the GS1 Global Traceability Standard) and Circular 02/2024's
 * "one step back, one step forward", in the order a batch's record is read.
 */
export const SCORECARD_CRITERIA = [
  'identified',
  'producer',
  'origin',
  'stages',
  'stepBack',
  'stepForward',
  'documents',
  'certificates',
] as const;
export type ScorecardCriterion = (typeof SCORECARD_CRITERIA)[number];

/** The inspectors' table sorts by the overall score, one criterion's, the business's name or its number of batches. */
export const SCORECARD_SORTS = ['overall', ...SCORECARD_CRITERIA, 'business', 'batches'] as const;
export type ScorecardSort = (typeof SCORECARD_SORTS)[number];

/** How many of a business's batches meet a criterion. */
export interface ScorecardFigure {
  met: number;
  total: number;
  /** met / total, from 0 to 1; null for a business without batches. */
  share: number | null;
}

/** One business's scores. */
export interface BusinessScore {
  businessId: string;
  businessName: string;
  taxCode: string;
  province: string;
  batches: number;
  /** Batches that meet every criterion. */
  completeBatches: number;
  /** Criteria met over criteria checked, all batches together (each batch is checked on every criterion); null without batches. */
  overall: number | null;
  criteria: Record<ScorecardCriterion, ScorecardFigure>;
}

/**
 * A batch failing a criterion, and what it lacks. `missing` by criterion:
 * `producer`: `taxCode` (not confirmed by an administrator) and/or `gs1Party` (no GLN nor confirmed
 * GS1 company prefix); `stages`, `documents`: the stages (a `STAGES` name, else the bizStep) of the
 * events lacking a place or a document; `certificates`: the kinds no certificate covered on the
 * production date (empty: no certificate at all); `stepForward`: `shipping` per shipment with no
 * receiver; the other criteria: nothing more to say.
 */
export interface ScorecardGap {
  batchId: string;
  lotCode: string;
  productName: LocalizedText;
  productionDate: string;
  missing: string[];
}

/** A criterion's failing batches: how many, and the first few by lot code (the rest a page away). */
export interface ScorecardFailures {
  criterion: ScorecardCriterion;
  total: number;
  batches: ScorecardGap[];
}

/** `GET /api/businesses/{id}/scorecard`: the business's scores and what to fix. */
export interface BusinessScorecard {
  score: BusinessScore;
  failures: ScorecardFailures[];
}

/** `GET /api/businesses/{id}/scorecard/gaps`: one criterion's failing batches, a page at a time. */
export interface ScorecardGapsQuery {
  criterion: ScorecardCriterion;
  limit?: number;
  offset?: number;
}

/** The average of the businesses with batches, each counting once. */
export interface ScorecardAverage {
  businesses: number;
  overall: number | null;
  criteria: Record<ScorecardCriterion, number | null>;
}

/** `GET /api/scorecards` (inspectors, administrators). */
export interface ScorecardListQuery {
  sort?: ScorecardSort;
  order?: SortOrder;
  limit?: number;
  offset?: number;
}

/** A page of businesses' scores, with the province's average over every business. */
export interface ScorecardList {
  items: BusinessScore[];
  total: number;
  limit: number;
  offset: number;
  average: ScorecardAverage;
}
