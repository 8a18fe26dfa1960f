import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import type { ProductView } from '@nguon/shared';
import { findNamedBatches } from '../../server/src/events/event-lookup.queries.js';
import { createBusiness, createProduct, createUser, type Factory } from '../factories/index.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface PlanNode {
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Join Filter'?: number;
  Plans?: PlanNode[];
}

/** Every row the plan's nodes produced or threw away: what reading the batches cost. */
function rowsTouched(node: PlanNode): number {
  const own =
    (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1) +
    (node['Rows Removed by Filter'] ?? 0) +
    (node['Rows Removed by Join Filter'] ?? 0);
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsTouched(child), 0);
}

/**
 * Capture looks up the batches of the lots an import step (or a document) names, locking them.
 * An import adds thousands of batches between two rounds of statistics: the lookup must go
 * through the lot codes' index whatever the statistics say, not read every batch of the product
 * at each step (158 ms a step among 20,000 batches on the embedded database).
 */
describe('the lookup of the batches that events name', () => {
  let t: TestApp;
  let product: ProductView;

  beforeAll(async () => {
    t = await startTestApp();
    const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
    const owner = await createUser(f);
    const business = await createBusiness(f, owner);
    product = await createProduct(f, owner, business.id);
    const batches = (from: number, to: number) =>
      sql(
        t,
        `INSERT INTO batches (product_id, business_id, lot_code, short_code, production_date)
         SELECT $1, $2, 'NB-' || g, $3 || g, '2026-10-01' FROM generate_series(${from}, ${to}) g`,
        [product.id, business.id, `nb${Date.now().toString(36)}-`],
      );
    // Statistics taken while the product had a few batches, then an import's worth more.
    await batches(1, 200);
    await sql(t, 'ANALYZE batches');
    await batches(201, 20_000);
  }, 120_000);
  afterAll(() => t?.close());

  it('reads the 25 lots asked for through their index, not the product’s 20,000 batches', async () => {
    const lots = Array.from({ length: 25 }, (_, n) => ({ gtin: product.gtin!, lotCode: `NB-${19_000 + n}` }));
    let plan: PlanNode | undefined;
    const explaining = {
      query: async (query: string, params: unknown[]) => {
        const [row] = await sql(t, `EXPLAIN (ANALYZE, FORMAT JSON) ${query}`, params);
        const json = Object.values(row as Record<string, unknown>)[0];
        [{ Plan: plan }] = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: PlanNode }];
        return [];
      },
    } as unknown as EntityManager;
    await findNamedBatches(explaining, lots, []);
    expect(plan!['Actual Rows']).toBe(25);
    expect(rowsTouched(plan!)).toBeLessThan(500);

    // And the batches it finds are those lots'.
    const named = await t.app.database.dataSource.transaction((tx) => findNamedBatches(tx, lots, []));
    expect(new Set(named.map((batch) => batch.lot_code))).toEqual(new Set(lots.map((lot) => lot.lotCode)));
  });
});
