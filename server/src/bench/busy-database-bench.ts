import { IMPORT_CONTENT_TYPES, IMPORT_MAX_ROWS } from '@nguon/shared';
import { startPinned } from './pinned-process.js';
import type { ShopperReport } from './shopper.js';

/** Issue #16's goals: an import's rows a second, and a consumer's p99 while long work runs. */
const IMPORT_ROWS_PER_SECOND = 2_000;
const CONSUMER_P99_MS = 100;

interface Credentials {
  email: string;
  password: string;
}

async function signIn(url: string, owner: Credentials): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(owner),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** A batch file of IMPORT_MAX_ROWS new lots of the product, their codes `<lots>-<n>`. */
function batchFile(gtin: string, lots: string): { kind: 'batches'; lines: string[] } {
  return {
    kind: 'batches',
    lines: ['product,lot_code,production_date', ...Array.from({ length: IMPORT_MAX_ROWS }, (_, n) => `${gtin},${lots}-${n},01/10/2026`)],
  };
}

/** A file of IMPORT_MAX_ROWS stage records: a harvest on each of the lots `<lots>-<n>`. */
function stageFile(lots: string): { kind: 'events'; lines: string[] } {
  return {
    kind: 'events',
    lines: ['lot_code,stage,event_time', ...Array.from({ length: IMPORT_MAX_ROWS }, (_, n) => `${lots}-${n},harvesting,15/10/2026 07:30`)],
  };
}

/** Imports a CSV file and waits for its job to end; its row count and how long it took from the POST. */
async function importRun(
  url: string,
  token: string,
  businessId: string,
  file: { kind: 'batches' | 'events'; lines: string[] },
): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/api/businesses/${businessId}/imports?kind=${file.kind}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': IMPORT_CONTENT_TYPES.csv },
    body: file.lines.join('\n'),
  });
  let job = (await response.json()) as { id: string; status: string; failure?: unknown };
  if (response.status !== 202) throw new Error(`bench import refused: ${response.status} ${JSON.stringify(job)}`);
  while (job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = (await (await fetch(`${url}/api/imports/${job.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as typeof job;
  }
  if (job.status !== 'done') throw new Error(`bench import failed: ${JSON.stringify(job).slice(0, 300)}`);
  return { ms: performance.now() - started, rows: file.lines.length - 1 };
}

/** Reads a whole CSV export of the product's records; its rows and how long it took. */
async function exportRun(url: string, token: string, businessId: string, productId: string): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/api/businesses/${businessId}/exports/events.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'product', productId, from: '2000-01-01T00:00:00Z', to: new Date().toISOString() }),
  });
  if (response.status !== 200) throw new Error(`bench export failed: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return { ms: performance.now() - started, rows: text.split('\n').length - 2 };
}

/**
 * A 10,000-row import and a full export of a product's records, at once, while a shopper's phone
 * (a process of its own, `shopper.ts`) asks for consumer views one after another: the import's
 * speed, and what the shopper waits.
 * On the embedded database one connection serves everything, so long work must leave it free
 * between its steps.
 */
export async function benchBusyDatabase(options: {
  url: string;
  owner: Credentials;
  businessId: string;
  productId: string;
  gtin: string;
  embedded: boolean;
}): Promise<void> {
  const { url } = options;
  const token = await signIn(url, options.owner);
  // The import's rate first on its own (issue #16's goal), then beside an export and a shopper.
  // The portal's first import also compiles the import's code and starts its row checker's
  // thread; the goal is judged on the next, as capture's is after a first document.
  const first = await importRun(url, token, options.businessId, batchFile(options.gtin, 'FIRST'));
  const alone = await importRun(url, token, options.businessId, batchFile(options.gtin, 'ALONE'));
  const aloneRate = alone.rows / (alone.ms / 1000);
  console.log(
    `A ${IMPORT_MAX_ROWS.toLocaleString('en')}-row CSV import of batches on its own (${options.embedded ? 'embedded PGlite' : 'PostgreSQL'}): ` +
      `${Math.round(alone.ms)} ms from POST to job done, ${Math.round(aloneRate)} rows/s ` +
      `(goal ≥ ${IMPORT_ROWS_PER_SECOND}: ${aloneRate >= IMPORT_ROWS_PER_SECOND ? 'met' : 'not met'}); ` +
      `the portal's first import took ${Math.round(first.ms)} ms (${Math.round(first.rows / (first.ms / 1000))} rows/s).`,
  );
  // A harvest on each of the first import's lots: rows on distinct batches, written as sets.
  const stages = await importRun(url, token, options.businessId, stageFile('FIRST'));
  const stageRate = stages.rows / (stages.ms / 1000);
  console.log(
    `A ${IMPORT_MAX_ROWS.toLocaleString('en')}-row CSV import of stage records (a harvest on each of as many lots) on its own: ` +
      `${Math.round(stages.ms)} ms from POST to job done, ${Math.round(stageRate)} rows/s ` +
      `(goal ≥ ${IMPORT_ROWS_PER_SECOND}: ${stageRate >= IMPORT_ROWS_PER_SECOND ? 'met' : 'not met'}).`,
  );
  // Each view a lot no one asked for before (the first import's): the database answers every one, as for a shopper's first scan.
  const views = { url, pathPrefix: `/01/${options.gtin.padStart(14, '0')}/10/ALONE-`, count: IMPORT_MAX_ROWS };
  // Started (and ready) before the work, so its first views see the work's start.
  const { child: shopper } = await startPinned<'ready'>('./shopper.js', null, [JSON.stringify(views)]);
  const report = new Promise<ShopperReport>((resolve, reject) => {
    shopper.once('message', (message) => resolve(message as ShopperReport));
    shopper.once('exit', (code) => reject(new Error(`the bench's shopper ended (${code}) before it reported`)));
  });
  const [imported, exported] = await Promise.all([
    importRun(url, token, options.businessId, batchFile(options.gtin, 'BUSY')),
    exportRun(url, token, options.businessId, options.productId),
  ]).finally(() => shopper.send('stop'));
  const seen = await report;
  if ('error' in seen) throw new Error(seen.error);
  const waits = seen.waits;
  waits.sort((a, b) => a - b);
  const at = (share: number) => Math.round(waits[Math.min(waits.length - 1, Math.floor(waits.length * share))] ?? 0);
  const importRate = imported.rows / (imported.ms / 1000);
  console.log(
    `A ${IMPORT_MAX_ROWS.toLocaleString('en')}-row CSV import of batches and a CSV export of the product's records at once, ` +
      `a consumer view of a lot not asked before every 20 ms meanwhile (${options.embedded ? 'embedded PGlite' : 'PostgreSQL'}):`,
  );
  console.table([
    { work: 'import (POST to job done)', rows: imported.rows, 'rows/s': Math.round(importRate), ms: Math.round(imported.ms) },
    {
      work: 'export (POST to last byte)',
      rows: exported.rows,
      'rows/s': Math.round(exported.rows / (exported.ms / 1000)),
      ms: Math.round(exported.ms),
    },
  ]);
  console.log(
    `Consumer views meanwhile (from a process of its own${seen.ownCpu ? ', at a raised priority: a phone has its own CPU' : ''}): ${waits.length}, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${Math.round(waits.at(-1) ?? 0)} ms ` +
      `(goal p99 < ${CONSUMER_P99_MS}: ${at(0.99) < CONSUMER_P99_MS ? 'met' : 'not met'}); import meanwhile ${Math.round(importRate)} rows/s.`,
  );
}
