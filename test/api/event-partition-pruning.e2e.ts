import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { findChainHeads } from '../../server/src/events/chain-heads.queries.js';
import { loadEvents } from '../../server/src/public-view/public-batch.queries.js';
import { loadLineage } from '../../server/src/records/records.queries.js';
import { loadTraceEdges } from '../../server/src/trace/trace.queries.js';
import { createUser, type Factory } from '../factories/index.js';
import { createOrangeJuiceChain, type OrangeJuiceChain } from '../factories/inspector.js';
import { sql } from '../support/db.js';
import { httpClient } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The months before this one that hold other events: a database in use for a year. */
const PAST_MONTHS = 12;
const EVENTS_A_MONTH = 1000;

interface PlanNode {
  'Relation Name'?: string;
  'Actual Loops'?: number;
  'Actual Rows'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** The monthly partitions of the events (or the default one) a plan read: scans run at least once. */
function partitionsRead(node: PlanNode, read = new Set<string>()): Set<string> {
  const name = node['Relation Name'];
  if (name && /^events_(\d{4}_\d{2}|default)$/.test(name) && (node['Actual Loops'] ?? 0) > 0) read.add(name);
  for (const child of node.Plans ?? []) partitionsRead(child, read);
  return read;
}

/**
 * Rows that name an event carry its record time, and the queries that join them to the events
 * match it (decision record 0035): PostgreSQL then prunes the monthly partitions at run time, and a
 * batch whose events were all recorded this month reads this month's partition alone, however
 * many months the database holds.
 */
describe('the joins from a batch to its events', () => {
  let t: TestApp;
  let chain: OrangeJuiceChain;

  /** The plan PostgreSQL ran for the query a loader sends, which found rows. */
  const planOf = async (load: (db: EntityManager) => Promise<unknown>): Promise<PlanNode> => {
    let plan: unknown;
    const explaining = {
      query: async (query: string, params: unknown[]) => {
        [plan] = await sql(t, `EXPLAIN (ANALYZE, FORMAT JSON) ${query}`, params);
        return [];
      },
    } as unknown as EntityManager;
    await load(explaining);
    const json = Object.values(plan as Record<string, unknown>)[0];
    const [{ Plan }] = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: PlanNode }];
    expect(Plan['Actual Rows']).toBeGreaterThan(0);
    return Plan;
  };
  /** The partitions PostgreSQL read for the query a loader sends. */
  const partitionsReadBy = async (load: (db: EntityManager) => Promise<unknown>): Promise<string[]> => [
    ...partitionsRead(await planOf(load)),
  ];
  /** Rows the plan's nodes read and threw away. */
  const rowsFiltered = (node: PlanNode): number =>
    (node['Rows Removed by Filter'] ?? 0) * (node['Actual Loops'] ?? 1) +
    (node.Plans ?? []).reduce((sum, child) => sum + rowsFiltered(child), 0);

  beforeAll(async () => {
    t = await startTestApp();
    const f: Factory = { http: httpClient(t.baseUrl), testApp: t };
    chain = await createOrangeJuiceChain(f, await createUser(f, { role: 'admin' }));
    // Another lot's shipments to the shop, recorded over the past months, each month in its partition.
    await sql(t, `SELECT ensure_event_partitions((now() - interval '${PAST_MONTHS} months')::date, now()::date)`);
    await sql(
      t,
      `WITH made AS (
         INSERT INTO events (event_id, event_type, action, biz_step, event_time, event_time_zone_offset, record_time, destination_business_id, document)
         SELECT 'urn:uuid:' || gen_random_uuid(), 'ObjectEvent', 'OBSERVE', 'shipping', at, '+07:00', at, $2::uuid, '{}'::jsonb
           FROM generate_series(1, ${PAST_MONTHS}) m, generate_series(1, ${EVENTS_A_MONTH}) n,
                LATERAL (SELECT date_trunc('month', now()) - m * interval '1 month' + n * interval '1 minute' AS at) t
         RETURNING id, record_time)
       INSERT INTO event_batches (event_id, record_time, batch_id, role) SELECT id, record_time, $1, 'subject' FROM made`,
      [chain.otherOranges.id, chain.shop.business.id],
    );
    // As the app does after long work (autovacuum may be off).
    await sql(t, `ANALYZE events`);
    await sql(t, `ANALYZE event_batches`);
    const [months] = await sql<{ n: number }>(t, `SELECT count(DISTINCT tableoid)::int AS n FROM events`);
    expect(months!.n).toBeGreaterThan(PAST_MONTHS);
  });
  afterAll(() => t?.close());

  it("read for the consumer's view of a batch, touch only the month its events were recorded in", async () => {
    expect(await partitionsReadBy((db) => loadEvents(db, [chain.juice.id]))).toHaveLength(1);
  });

  it('read for the trace, through processing and shipments, touch only that month', async () => {
    expect(await partitionsReadBy((db) => loadLineage(db, chain.juice.id, false, 20))).toHaveLength(1);
    expect(await partitionsReadBy((db) => loadTraceEdges(db, [chain.oranges.id, chain.juice.id]))).toHaveLength(1);
  });

  it("find a chain's last event by its id, not among every event of its document, whatever the statistics", async () => {
    // A captured document's 2,000 events share one record time; the statistics (above) were taken
    // when every event had its own. The batch's chain goes on through them.
    const batchId = chain.otherOranges.id;
    const [last] = await sql<{ seq: number | null }>(t, `SELECT max(seq) AS seq FROM event_batches WHERE batch_id = $1`, [batchId]);
    await sql(
      t,
      `WITH made AS (
         INSERT INTO events (event_id, event_type, action, biz_step, event_time, event_time_zone_offset, record_time, document, record_hash)
         SELECT 'urn:uuid:' || gen_random_uuid(), 'ObjectEvent', 'OBSERVE', 'storing', now(), '+07:00', date_trunc('second', now()), '{}'::jsonb, md5(n::text)
           FROM generate_series(1, 2000) n
         RETURNING id, record_time, record_hash)
       INSERT INTO event_batches (event_id, record_time, batch_id, role, seq)
       SELECT id, record_time, $1, 'subject', $2::int + row_number() OVER (ORDER BY record_hash) FROM made`,
      [batchId, last?.seq ?? 0],
    );
    expect(rowsFiltered(await planOf((db) => findChainHeads(db, [batchId])))).toBeLessThan(10);
    const [head] = await findChainHeads(t.app.database.dataSource.manager, [batchId]);
    const [expected] = await sql<{ record_hash: string }>(
      t,
      `SELECT e.record_hash FROM event_batches eb JOIN events e ON e.id = eb.event_id AND e.record_time = eb.record_time
        WHERE eb.batch_id = $1 ORDER BY eb.seq DESC NULLS LAST LIMIT 1`,
      [batchId],
    );
    expect(head).toEqual({ batch_id: batchId, seq: (last?.seq ?? 0) + 2000, record_hash: expected!.record_hash });
  });
});
