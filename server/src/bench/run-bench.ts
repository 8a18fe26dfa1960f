import 'reflect-metadata';
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { gs1CheckDigit } from '@nguon/shared';
import { createApp } from '../app.factory.js';
import type { Actor, UserPrincipal } from '../auth/principal.js';
import { hashPassword } from '../auth/password.js';
import { UserEntity } from '../auth/user.entity.js';
import { BatchRegistration } from '../batches/batch-registration.service.js';
import { BusinessesService } from '../businesses/businesses.service.js';
import { loadConfig } from '../config/app-config.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { createScratchDatabase } from '../database/scratch-database.js';
import { EventRecordingService } from '../events/event-recording.service.js';
import { ProductsService } from '../products/products.service.js';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import { benchBusyDatabase } from './busy-database-bench.js';
import { printCapture, timeCapture, timePlainInsert } from './capture-bench.js';
import { benchFirstPaint } from './first-paint-bench.js';
import { benchImportCheck } from './import-bench.js';
import { benchLabels } from './labels-bench.js';
import { benchPageWeight } from './page-weight-bench.js';
import { benchQr } from './qr-bench.js';
import { benchScanPath } from './scan-path-bench.js';
import { startPinned, stopPinned } from './pinned-process.js';
import { benchTrace } from './trace-bench.js';

/**
 * `npm run bench`: the consumer scan path under load (P1, against a bare node:http floor in the same
 * run), then capture, labels, import, QR and trace, on a scratch database (PostgreSQL when
 * DATABASE_URL is set, else embedded).
 */
const BATCHES = Number(process.env.BENCH_BATCHES ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** BENCH_ONLY=p1: the scan path alone; p2: capture and import alone; p8: the view and trace as events grow (while working on one). */
const ONLY_P1 = process.env.BENCH_ONLY === 'p1';
const ONLY_P2 = process.env.BENCH_ONLY === 'p2';
const ONLY_P8 = process.env.BENCH_ONLY === 'p8';
const CONNECTIONS = 50;

const scratch = await createScratchDatabase('nguon_bench');
// The portal under load runs in a process of its own: the embedded database then needs a folder both can open in turn.
const embeddedDir = scratch.databaseUrl ? null : await mkdtemp(path.join(os.tmpdir(), 'nguon-bench-'));
const env: NodeJS.ProcessEnv = {
  PORT: '0',
  WEB_DIST_DIR: '',
  SEED_DEMO: 'false',
  PUBLIC_RATE_LIMIT: '1000000',
  DATA_DIR: embeddedDir ?? scratch.dataDir,
  // One load generator is one client address: count every scan, so the scan rows measure the write.
  SCAN_COUNT_WINDOW_MINUTES: '0',
  AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
  ...(scratch.databaseUrl ? { DATABASE_URL: scratch.databaseUrl } : {}),
  // The trace haystack (a million events) is written by single set-based statements that may run for minutes.
  DATABASE_STATEMENT_TIMEOUT_MS: '0',
};
let app = await createApp(loadConfig(env), { logger: false });
try {
  const started = Date.now();
  const users = app.database.dataSource.getRepository(UserEntity);
  const admin = await users.save(
    users.create({
      email: 'admin@bench.test',
      passwordHash: await hashPassword('x'),
      displayName: 'admin',
      role: 'admin',
      emailVerifiedAt: new Date(),
    }),
  );
  const owner = await users.save(
    users.create({
      email: 'owner@bench.test',
      passwordHash: await hashPassword('x'),
      displayName: 'owner',
      role: 'member',
      emailVerifiedAt: new Date(),
    }),
  );
  const as = (user: UserEntity, businessId: string | null = null): Actor => {
    const principal: UserPrincipal = {
      kind: 'user',
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      sessionId: 'bench',
      memberships: new Map(businessId ? [[businessId, 'owner']] : []),
    };
    return { principal, businessId, clientAddress: '127.0.0.1', requestId: 'bench' };
  };
  // Set-up calls the use cases directly, as the access guard would after checking these actors.
  const businesses = app.nest.get(BusinessesService);
  const business = await businesses.registerBusiness(as(owner), {
    legalName: 'HTX Bench',
    taxCode: '3000000001',
    address: { line: 'Thôn 1', commune: 'Phúc Trạch', province: 'Hà Tĩnh' },
    gs1Prefixes: ['8931000'],
  });
  await businesses.decide(as(admin), business.id, 'verify', {});
  const asOwner = as(owner, business.id);
  const gtinBody = '893100000001';
  const product = await app.nest.get(ProductsService).createProduct(asOwner, {
    name: { vi: 'Bưởi', en: 'Pomelo' },
    category: 'fruit',
    unit: 'KGM',
    gtin: `${gtinBody}${gs1CheckDigit(gtinBody)}`,
  });
  const benchBusy = (url: string) =>
    benchBusyDatabase({
      url,
      owner: { email: owner.email, password: 'x' },
      businessId: business.id,
      productId: product.id,
      gtin: product.gtin!,
      embedded: !scratch.databaseUrl,
    });
  /**
   * Runs a bench against the portal in a process of its own, as integrators and phones reach it
   * from other machines: the bench's own work does not hold the portal's event loop. This process
   * lets go of the database meanwhile (the embedded one opens in one process at a time).
   */
  const inPortalProcess = async <T>(bench: (url: string) => Promise<T>): Promise<T> => {
    await app.close();
    const portal = await startPinned<{ port: number }>('./portal-server.js', null, [JSON.stringify(env)]);
    try {
      return await bench(`http://127.0.0.1:${portal.message.port}`);
    } finally {
      await stopPinned(portal.child);
      app = await createApp(loadConfig(env), { logger: false });
    }
  };
  /** Capture, then its yardstick on the tables as capture left them; then import and export beside a shopper. */
  const benchLongWork = async () => {
    const key = await app.nest.get(ApiKeysService).createKey(asOwner, { name: 'bench', scopes: ['capture'] });
    const captured = await inPortalProcess((url) => timeCapture({ url, key, paths }));
    printCapture(captured, await timePlainInsert(app.database.dataSource, paths));
    await inPortalProcess(benchBusy);
  };
  /** P8 on the portal listening at `url` (this process's app). */
  const benchGrowth = (url: string) =>
    benchTrace({
      db: app.database.dataSource,
      url,
      admin: { email: admin.email, password: 'x' },
      businessId: business.id,
      productId: product.id,
      embedded: !scratch.databaseUrl,
      dropViews: (batchIds) => app.nest.get(BatchChanges).publish(batchIds),
    });
  const registration = app.nest.get(BatchRegistration);
  const recording = app.nest.get(EventRecordingService);
  const ids: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < BATCHES; i++) {
    const batch = await registration.registerBatch(asOwner, {
      productId: product.id,
      lotCode: `B-${i}`,
      productionDate: '2026-10-01',
      quantity: 100,
    });
    for (const stage of ['harvesting', 'packing', 'shipping'] as const) {
      await recording.recordStage(asOwner, batch.id, {
        stage,
        quantity: 100,
        ...(stage === 'shipping' ? { destinationName: 'Chợ đầu mối' } : {}),
      });
    }
    ids.push(batch.id);
    paths.push(new URL(batch.identityUrl).pathname);
  }
  console.log(
    `Nguồn bench: ${BATCHES} batches with 4 events each on ${scratch.databaseUrl ? 'PostgreSQL' : 'embedded PGlite'}, set up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (ONLY_P8) {
    await app.nest.listen({ port: 0, host: '127.0.0.1' });
    await benchGrowth(`http://127.0.0.1:${(app.nest.getHttpServer().address() as AddressInfo).port}`);
  }
  // P1 runs the portal in its own process on this database: this one lets go of it meanwhile.
  if (!ONLY_P2 && !ONLY_P8) {
    await app.close();
    await benchScanPath({ env, ids, paths, seconds: SECONDS, connections: CONNECTIONS });
    app = await createApp(loadConfig(env), { logger: false });
  }
  if (!ONLY_P1 && !ONLY_P8) await benchLongWork();
  if (!ONLY_P1 && !ONLY_P2 && !ONLY_P8) {
    await app.nest.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.nest.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    const run = (title: string, runPaths: string[], headers: Record<string, string>) =>
      new Promise<Record<string, number | string>>((resolve, reject) => {
        const job = JSON.stringify({ title, url, paths: runPaths, headers, seconds: SECONDS, connections: CONNECTIONS });
        const child = fork(fileURLToPath(new URL('./load-worker.js', import.meta.url)), [job]);
        child.once('message', (message) => resolve(message as Record<string, number | string>));
        child.once('error', reject);
      });
    const rows = [
      await run('GET /api/health (SELECT 1)', ['/api/health'], {}),
      // Drawn once by the first pass, then cache hits.
      await run(
        'QR image, cached: GET /api/batches/{id}/qr.png (512 px)',
        ids.slice(0, 100).map((id) => `/api/batches/${id}/qr.png`),
        {},
      ),
    ];
    console.log(`In this process, beside the benches below (${CONNECTIONS} connections, ${SECONDS} s per row):`);
    console.table(
      rows.map((r) => ({
        case: r.title,
        'req/s': Math.round(Number(r.requestsPerSecond)),
        'p50 ms': r.latencyP50,
        'p99 ms': r.latencyP99,
        '4xx/5xx': r.failures,
        errors: r.errors,
      })),
    );

    await benchLabels(url, { email: owner.email, password: 'x' }, ids[0]!);
    await benchImportCheck(url, { email: owner.email, password: 'x' }, business.id, product.gtin!);
    await benchQr(url, { email: owner.email, password: 'x' }, ids.slice(1000));
    await benchPageWeight();
    // Last: its million events would weigh on the benches above.
    await benchGrowth(url);
    await benchFirstPaint();
  }
} finally {
  await app.close();
  await scratch.drop();
  if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
}
