import type { DataSource } from 'typeorm';
import { loadLineage } from '../records/records.queries.js';

const RUNS = 9;
const HOPS = 10;
/** Each hop of the chain also takes this many other batches in, each made from one more batch. */
const SIDE_INPUTS = 2;
const EVENTS_PER_BATCH = 10;

interface TraceBenchContext {
  db: DataSource;
  url: string;
  admin: { email: string; password: string };
  businessId: string;
  productId: string;
  /** The embedded database is a single in-process session: it gets a smaller haystack. */
  embedded: boolean;
  /** Drops what the instance keeps in memory of these batches' views (as a change to them would). */
  dropViews(batchIds: string[]): Promise<void>;
}

/** How many steps of raw materials the consumer's view follows (PublicBatchService). */
const MAX_VIEW_DEPTH = 8;

/**
 * A UUID made from a kind and a number, so rows can name each other without a lookup; numbers
 * in order give keys in order, which the indexes take far faster than random ones.
 */
const uuidOf = (kind: string, n: string) => `('${kind}-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
const batchId = (n: string) => uuidOf('b0000000', n);
const chainId = (hop: string) => uuidOf('c0000000', hop);
const objectEventId = (n: string) => uuidOf('e0000000', n);
const processingId = (n: string) => uuidOf('e0000001', n);
const hopId = (n: string) => uuidOf('e0000002', n);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(runs: number, run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up: plans and caches, as on a server that has been up a while
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * The chain the bench traces: ten processing hops, each also taking in side batches, distinct
 * outputs of the noise's processing among its first thousand batches.
 */
async function buildChain({ db, businessId, productId }: TraceBenchContext): Promise<void> {
  await db.query(
    `INSERT INTO batches (id, product_id, business_id, lot_code, short_code, production_date)
     SELECT ${chainId('k')}, $1::uuid, $2::uuid, 'CHAIN-' || k, 'BC' || k, DATE '2026-06-01' + k FROM generate_series(0, ${HOPS}) k`,
    [productId, businessId],
  );
  await db.query(
    `INSERT INTO events (${EVENT_COLUMNS})
     SELECT ${hopId('k')}, 'bench:hop:' || k, 'TransformationEvent', NULL, 'processing', 'active',
            ${hopTime('k')}, '+07:00', ${hopTime('k')}, $1, '{}'::jsonb, 'bench'
       FROM generate_series(1, ${HOPS}) k`,
    [businessId],
  );
  await db.query(
    `INSERT INTO event_batches (event_id, record_time, batch_id, role, quantity, unit)
     SELECT ${hopId('k')}, ${hopTime('k')}, ${chainId('(k - 1)')}, 'input', 100, 'KGM' FROM generate_series(1, ${HOPS}) k
     UNION ALL
     SELECT ${hopId('k')}, ${hopTime('k')}, ${chainId('k')}, 'output', 100, 'KGM' FROM generate_series(1, ${HOPS}) k
     UNION ALL
     SELECT ${hopId('k')}, ${hopTime('k')}, ${batchId(`(2 * (((k - 1) * ${SIDE_INPUTS} + s - 1) * 17) + 1)`)}, 'input', 10, 'KGM'
       FROM generate_series(1, ${HOPS}) k, generate_series(1, ${SIDE_INPUTS}) s`,
  );
}

/** The months the haystack was recorded in: two years, as a database in use for two years has. */
const MONTHS = 24;

/**
 * SQL: the record time of row `n` of batch number `batch`: each batch's events in one of the two
 * years' months (batches in turn), two seconds apart from the month's start.
 */
const monthOf = (batch: string, n: string) =>
  `(TIMESTAMPTZ '2025-01-01' + (${batch}) % ${MONTHS} * INTERVAL '1 month' + (${n}) % 1000000 * INTERVAL '2 seconds')`;

/** SQL: the record time of the chain's hop `k`, a month after the one before. */
const hopTime = (k: string) => `(TIMESTAMPTZ '2026-01-01' + ${k} * INTERVAL '1 month')`;

const EVENT_COLUMNS =
  'id, event_id, event_type, action, biz_step, disposition, event_time, event_time_zone_offset, record_time, business_id, document, record_hash';

/**
 * Noise batches `from` to `to` (exclusive; even counts) written straight into the scratch database
 * with set-based SQL (these rows carry placeholder hashes: the bench times reads, not the hash
 * chain), ten events each, and a processing step for every other one.
 */
async function addNoise({ db, businessId, productId }: TraceBenchContext, from: number, to: number): Promise<void> {
  await db.query(
    `INSERT INTO batches (id, product_id, business_id, lot_code, short_code, production_date)
     SELECT ${batchId('n')}, $1::uuid, $2::uuid, 'N-' || lpad(n::text, 7, '0'), 'BN' || lpad(n::text, 7, '0'), DATE '2026-01-01' + (n % 300)
       FROM generate_series($3::int, $4::int - 1) n`,
    [productId, businessId, from, to],
  );
  await db.query(
    `INSERT INTO events (${EVENT_COLUMNS})
     SELECT ${objectEventId('g')}, 'bench:' || lpad(g::text, 9, '0'), 'ObjectEvent', 'OBSERVE',
            (ARRAY['commissioning', 'packing', 'storing', 'shipping', 'receiving'])[1 + g % 5], 'in_progress',
            ${monthOf(`g / ${EVENTS_PER_BATCH}`, 'g')}, '+07:00', ${monthOf(`g / ${EVENTS_PER_BATCH}`, 'g')}, $1, '{}'::jsonb, 'bench'
       FROM generate_series($2::bigint, $3::bigint - 1) g`,
    [businessId, from * EVENTS_PER_BATCH, to * EVENTS_PER_BATCH],
  );
  await db.query(
    `INSERT INTO event_batches (event_id, record_time, batch_id, role)
     SELECT ${objectEventId('g')}, ${monthOf(`g / ${EVENTS_PER_BATCH}`, 'g')}, ${batchId(`(g / ${EVENTS_PER_BATCH})`)}, 'subject'
       FROM generate_series($1::bigint, $2::bigint - 1) g`,
    [from * EVENTS_PER_BATCH, to * EVENTS_PER_BATCH],
  );
  // Processing among the noise: batch 2j is made into batch 2j+1.
  await db.query(
    `INSERT INTO events (${EVENT_COLUMNS})
     SELECT ${processingId('j')}, 'bench:p:' || lpad(j::text, 9, '0'), 'TransformationEvent', NULL, 'processing', 'active',
            ${monthOf('2 * j', 'j')}, '+07:00', ${monthOf('2 * j', 'j')}, $1, '{}'::jsonb, 'bench'
       FROM generate_series($2::int, $3::int - 1) j`,
    [businessId, from / 2, to / 2],
  );
  await db.query(
    `INSERT INTO event_batches (event_id, record_time, batch_id, role, quantity, unit)
     SELECT ${processingId('j')}, ${monthOf('2 * j', 'j')}, ${batchId('(2 * j)')}, 'input', 100, 'KGM' FROM generate_series($1::int, $2::int - 1) j
     UNION ALL
     SELECT ${processingId('j')}, ${monthOf('2 * j', 'j')}, ${batchId('(2 * j + 1)')}, 'output', 90, 'KGM' FROM generate_series($1::int, $2::int - 1) j`,
    [from / 2, to / 2],
  );
  await db.query(`ANALYZE batches`);
  await db.query(`ANALYZE events`);
  await db.query(`ANALYZE event_batches`);
}

/**
 * `npm run bench` (P8): the consumer's view and the inspector's trace of the end of a ten-hop
 * processing chain as the events grow, from ten thousand to a million (ten million with
 * BENCH_LARGE=1): the view built on a miss (its cache dropped before each run) and served warm, the
 * trace over HTTP and its recursive query, next to one indexed lookup. Median of several runs after
 * a warm-up; the last column is each figure over the smallest size's.
 */
export async function benchTrace(context: TraceBenchContext): Promise<void> {
  const { db, url, admin, embedded, dropViews } = context;
  // Noise batches per size (ten events each): the embedded database gets a smaller haystack.
  const sizes = embedded ? [1_000, 10_000] : [1_000, 10_000, 100_000, ...(process.env.BENCH_LARGE === '1' ? [1_000_000] : [])];
  // The haystack's months (two years' record times), partitioned as the app makes the coming ones.
  await db.query(`SELECT ensure_event_partitions('2025-01-01', '2026-12-31')`);
  const [{ start, end }] = (await db.query(`SELECT ${chainId('0')} AS start, ${chainId(String(HOPS))} AS end`)) as [
    { start: string; end: string },
  ];

  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`bench trace: ${path} answered ${response.status}`);
  };

  const cases: { case: string; run: () => Promise<unknown> }[] = [
    {
      case: `consumer view on a miss: GET /api/public/batches/{end} (${MAX_VIEW_DEPTH} steps of raw materials)`,
      run: async () => {
        await dropViews([end]);
        await get(`/api/public/batches/${end}`);
      },
    },
    { case: 'consumer view, warm (memory)', run: () => get(`/api/public/batches/${end}`) },
    { case: 'GET /api/batches/{end}/trace (both ways, batches, edges, businesses, recalls)', run: () => get(`/api/batches/${end}/trace`) },
    { case: `recursive query: ${HOPS} hops back from the chain's end`, run: () => loadLineage(db.manager, end, false, 20) },
    { case: `recursive query: ${HOPS} hops forward from the chain's start`, run: () => loadLineage(db.manager, start, true, 20) },
    { case: 'indexed lookup: SELECT a batch by id', run: () => db.query(`SELECT * FROM batches WHERE id = $1`, [end]) },
  ];
  const figures: number[][] = cases.map(() => []);
  const sizesRead: string[] = [];
  let built = 0;
  for (const size of sizes) {
    const started = performance.now();
    await addNoise(context, built, size);
    // The chain after the first noise: its side inputs are made from noise batches.
    if (built === 0) await buildChain(context);
    built = size;
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM events`)) as [{ n: number }];
    const backward = await loadLineage(db.manager, end, false, 20);
    const forward = await loadLineage(db.manager, start, true, 20);
    // The chain, its side inputs and their sources; forward, just the chain.
    const expectedBackward = 1 + HOPS + 2 * HOPS * SIDE_INPUTS;
    if (backward.length !== expectedBackward || forward.length !== HOPS + 1) {
      throw new Error(`bench trace found ${backward.length} batches back (expected ${expectedBackward}) and ${forward.length} forward`);
    }
    sizesRead.push(`${n.toLocaleString('en')} events (built in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    for (const [i, { run }] of cases.entries()) figures[i]!.push(await timed(RUNS, run));
  }
  const [{ partitions }] = (await db.query(`SELECT count(*)::int AS partitions FROM pg_inherits WHERE inhparent = 'events'::regclass`)) as [
    { partitions: number },
  ];
  console.log(
    `P8: the consumer view and the trace of a ${HOPS}-hop processing chain as the events grow: ${sizesRead.join(', ')}, recorded over ${MONTHS} months (${partitions} partitions of events); median ms of ${RUNS} runs, and the largest over the smallest:` +
      (embedded ? '\n(embedded PGlite: scaled down; set DATABASE_URL to a PostgreSQL server for a million events)' : ''),
  );
  console.table(
    cases.map((c, i) => ({
      case: c.case,
      ...Object.fromEntries(
        sizes.map((size, k) => [`${(size * EVENTS_PER_BATCH).toLocaleString('en')}`, Number(figures[i]![k]!.toFixed(2))]),
      ),
      'largest / smallest': Number((figures[i]!.at(-1)! / figures[i]![0]!).toFixed(2)),
    })),
  );
}
