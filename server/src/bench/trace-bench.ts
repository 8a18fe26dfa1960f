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
}

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
 * A haystack of events written straight into the scratch database with set-based SQL (these
 * rows carry placeholder hashes: the bench times reads, not the hash chain): noise batches with
 * ten events each and a processing step for every other one, and among them a chain of ten
 * processing hops whose every hop also takes in side batches with sources of their own.
 */
async function buildHaystack({ db, businessId, productId }: TraceBenchContext, noiseBatches: number): Promise<number> {
  const noiseEvents = noiseBatches * EVENTS_PER_BATCH;
  const pairs = noiseBatches / 2;
  await db.query(
    `INSERT INTO batches (id, product_id, business_id, lot_code, short_code, production_date)
     SELECT ${batchId('n')}, $1::uuid, $2::uuid, 'N-' || lpad(n::text, 6, '0'), 'BN' || lpad(n::text, 6, '0'), DATE '2026-01-01' + (n % 300) FROM generate_series(0, $3 - 1) n
     UNION ALL
     SELECT ${chainId('k')}, $1::uuid, $2::uuid, 'CHAIN-' || k, 'BC' || k, DATE '2026-06-01' + k FROM generate_series(0, ${HOPS}) k`,
    [productId, businessId, noiseBatches],
  );
  const eventColumns =
    'id, event_id, event_type, action, biz_step, disposition, event_time, event_time_zone_offset, record_time, business_id, document, record_hash';
  await db.query(
    `INSERT INTO events (${eventColumns})
     SELECT ${objectEventId('g')}, 'bench:' || lpad(g::text, 8, '0'), 'ObjectEvent', 'OBSERVE',
            (ARRAY['commissioning', 'packing', 'storing', 'shipping', 'receiving'])[1 + g % 5], 'in_progress',
            TIMESTAMPTZ '2026-01-01' + g * INTERVAL '20 seconds', '+07:00', TIMESTAMPTZ '2026-01-01' + g * INTERVAL '20 seconds', $1, '{}'::jsonb, 'bench'
       FROM generate_series(0, $2 - 1) g`,
    [businessId, noiseEvents],
  );
  await db.query(
    `INSERT INTO event_batches (event_id, batch_id, role) SELECT ${objectEventId('g')}, ${batchId(`(g / ${EVENTS_PER_BATCH})`)}, 'subject' FROM generate_series(0, $1 - 1) g`,
    [noiseEvents],
  );
  // Processing among the noise: batch 2j is made into batch 2j+1.
  await db.query(
    `INSERT INTO events (${eventColumns})
     SELECT ${processingId('j')}, 'bench:p:' || lpad(j::text, 8, '0'), 'TransformationEvent', NULL, 'processing', 'active',
            TIMESTAMPTZ '2026-03-01' + j * INTERVAL '1 minute', '+07:00', TIMESTAMPTZ '2026-03-01' + j * INTERVAL '1 minute', $1, '{}'::jsonb, 'bench'
       FROM generate_series(0, $2 - 1) j`,
    [businessId, pairs],
  );
  await db.query(
    `INSERT INTO event_batches (event_id, batch_id, role, quantity, unit)
     SELECT ${processingId('j')}, ${batchId('(2 * j)')}, 'input', 100, 'KGM' FROM generate_series(0, $1 - 1) j
     UNION ALL
     SELECT ${processingId('j')}, ${batchId('(2 * j + 1)')}, 'output', 90, 'KGM' FROM generate_series(0, $1 - 1) j`,
    [pairs],
  );
  // The chain: hop k makes CHAIN-k from CHAIN-(k-1) and side batches, each of those made from a noise batch.
  await db.query(
    `INSERT INTO events (${eventColumns})
     SELECT ${hopId('k')}, 'bench:hop:' || k, 'TransformationEvent', NULL, 'processing', 'active',
            TIMESTAMPTZ '2026-06-01' + k * INTERVAL '1 day', '+07:00', TIMESTAMPTZ '2026-06-01' + k * INTERVAL '1 day', $1, '{}'::jsonb, 'bench'
       FROM generate_series(1, ${HOPS}) k`,
    [businessId],
  );
  await db.query(
    `INSERT INTO event_batches (event_id, batch_id, role, quantity, unit)
     SELECT ${hopId('k')}, ${chainId('(k - 1)')}, 'input', 100, 'KGM' FROM generate_series(1, ${HOPS}) k
     UNION ALL
     SELECT ${hopId('k')}, ${chainId('k')}, 'output', 100, 'KGM' FROM generate_series(1, ${HOPS}) k
     UNION ALL
     SELECT ${hopId('k')}, ${batchId('(2 * ((k * 7919 + s * 104729) % $1) + 1)')}, 'input', 10, 'KGM'
       FROM generate_series(1, ${HOPS}) k, generate_series(1, ${SIDE_INPUTS}) s`,
    [pairs],
  );
  await db.query(`ANALYZE batches`);
  await db.query(`ANALYZE events`);
  await db.query(`ANALYZE event_batches`);
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM events`);
  return n;
}

/**
 * `npm run bench`: the trace of a ten-hop processing chain on a database of a million events,
 * in the database (the recursive query) and over HTTP (the whole trace view), next to one
 * indexed lookup of a batch by id. Median of several runs after a warm-up.
 */
export async function benchTrace(context: TraceBenchContext): Promise<void> {
  const { db, url, admin, embedded } = context;
  const noiseBatches = embedded ? 20_000 : 100_000;
  const started = performance.now();
  const events = await buildHaystack(context, noiseBatches);
  const buildSeconds = ((performance.now() - started) / 1000).toFixed(1);

  const [{ start, end }] = (await db.query(`SELECT ${chainId('0')} AS start, ${chainId(String(HOPS))} AS end`)) as [
    { start: string; end: string },
  ];
  const backward = await loadLineage(db.manager, end, false, 20);
  const forward = await loadLineage(db.manager, start, true, 20);
  // The chain, its side inputs and their sources; forward, just the chain.
  const expectedBackward = 1 + HOPS + 2 * HOPS * SIDE_INPUTS;
  if (backward.length !== expectedBackward || forward.length !== HOPS + 1) {
    throw new Error(
      `bench trace found ${backward.length} batches back (expected ${expectedBackward}) and ${forward.length} forward (expected ${HOPS + 1})`,
    );
  }

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

  const rows = [
    {
      case: `recursive query: ${HOPS} hops back from the chain's end (${backward.length} batches)`,
      ms: await timed(RUNS, () => loadLineage(db.manager, end, false, 20)),
    },
    {
      case: `recursive query: ${HOPS} hops forward from the chain's start (${forward.length} batches)`,
      ms: await timed(RUNS, () => loadLineage(db.manager, start, true, 20)),
    },
    {
      case: 'GET /api/batches/{end}/trace (both ways, batches, edges, businesses, recalls)',
      ms: await timed(RUNS, () => get(`/api/batches/${end}/trace`)),
    },
    { case: 'indexed lookup: SELECT a batch by id', ms: await timed(RUNS, () => db.query(`SELECT * FROM batches WHERE id = $1`, [end])) },
    { case: 'GET /api/batches/{id} (one indexed lookup over HTTP)', ms: await timed(RUNS, () => get(`/api/batches/${end}`)) },
  ];
  console.log(
    `Trace of a ${HOPS}-hop processing chain among ${events.toLocaleString('en')} events (${noiseBatches.toLocaleString('en')} other batches), built in ${buildSeconds} s with set-based SQL; median of ${RUNS} runs:` +
      (embedded ? '\n(embedded PGlite: scaled down from a million events; set DATABASE_URL to a PostgreSQL server for the full size)' : ''),
  );
  console.table(rows.map((r) => ({ case: r.case, 'median ms': Number(r.ms.toFixed(2)) })));
}
