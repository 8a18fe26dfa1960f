import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import pg from 'pg';
import { APPLICATION_NAME } from '../database/postgres-connection.js';
import { WEB_DIST, webBuilt } from './demo-portal.js';
import { pinExisting, pinned, startPinned, stopPinned } from './pinned-process.js';

/** Goal P1 (issue #11): the scan path at this share of the floor's requests/s, and this p99. */
const GOAL_RATIO = 0.6;
const GOAL_P99_MS = 20;

interface LoadResult {
  title: string;
  requestsPerSecond: number;
  /** Share of one core the server used during the run (1 = busy all the time). */
  serverCpu: number;
  latencyP50: number;
  latencyP99: number;
  failures: number;
  errors: number;
}

interface Case {
  title: string;
  paths: string[];
  headers: Record<string, string>;
}

const TICKS_PER_SECOND = 100;

/** CPU seconds a process has used so far (Linux /proc; null elsewhere). */
function cpuSecondsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Headers Node.js writes itself, which the floor's answer gets from Node.js as well. */
const NODE_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** An answer's headers ([name, value, ...], but Node's own) and the bytes of its body as sent (compressed if it is). */
function answerOf(url: string, headers: Record<string, string>): Promise<{ headers: string[]; bytes: number }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      let bytes = 0;
      const raw = response.rawHeaders.flatMap((value, n, all) =>
        n % 2 === 0 && !NODE_HEADERS.has(value.toLowerCase()) ? [value, all[n + 1]!] : [],
      );
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => resolve({ headers: raw, bytes }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** Has the floor answer `/like/{name}` as the case answers: the same headers, as many bytes. */
async function floorLike(floorUrl: string, name: string, answer: { headers: string[]; bytes: number }): Promise<void> {
  const response = await fetch(`${floorUrl}/like/${name}`, { method: 'PUT', body: JSON.stringify(answer) });
  if (!response.ok) throw new Error(`the floor refused /like/${name}: ${response.status}`);
}

/** Requests every path once, a few at a time. */
async function visitAll(url: string, paths: string[], method: 'GET' | 'HEAD', accept = 'application/json'): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const response = await fetch(`${url}${paths[next++]!}`, { method, headers: { accept } });
      if (!response.ok) throw new Error(`warm-up ${method} ${response.url}: ${response.status}`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/**
 * The PostgreSQL backends serving the portal, moved to the load generator's core: core 0 then
 * measures the portal alone, as the floor has it alone. Where the database is another machine's,
 * as in production, its work is not on the portal's core either.
 */
async function pinPortalBackends(databaseUrl: string | undefined, core: number): Promise<string> {
  if (!databaseUrl) return 'the embedded database inside the portal on core 0';
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE $1 AND pid <> pg_backend_pid()`,
      [`${APPLICATION_NAME}%`],
    );
    const pids = rows.map((row) => row.pid);
    return pinExisting(pids, core) ? `the portal's ${pids.length} PostgreSQL backends` : 'PostgreSQL not pinned (taskset refused)';
  } finally {
    await client.end();
  }
}

/**
 * P1: the portal and a bare node:http hello, each in its own process on core 0, loaded by
 * the load worker from core 1, the runs alternating (floor, case, floor, case, ..., floor) so each case
 * is compared with the floor measured just before and after it on the same, possibly busy, core.
 */
export async function benchScanPath(options: {
  env: NodeJS.ProcessEnv;
  ids: string[];
  paths: string[];
  seconds: number;
  connections: number;
}): Promise<void> {
  const portalOptions = process.env.BENCH_CPU_PROF === '1' ? ['--cpu-prof', '--cpu-prof-dir=bench-profiles'] : [];
  // The page case needs the web app and its server entry; without a web build it is left out.
  const pages = webBuilt();
  const env = { ...options.env, WEB_DIST_DIR: pages ? WEB_DIST : '' };
  const floor = await startPinned<{ port: number }>('./floor-server.js', 0);
  let portal: { child: ChildProcess; message: { port: number } } | undefined;
  try {
    portal = await startPinned<{ port: number }>('./portal-server.js', 0, [JSON.stringify(env)], portalOptions);
    const floorUrl = `http://127.0.0.1:${floor.message.port}`;
    const portalUrl = `http://127.0.0.1:${portal.message.port}`;
    const load = async (
      title: string,
      url: string,
      paths: string[],
      headers: Record<string, string>,
      seconds = options.seconds,
    ): Promise<LoadResult> => {
      const server = url === floorUrl ? floor.child.pid : portal!.child.pid;
      const job = JSON.stringify({ title, url, paths, headers, seconds, connections: options.connections });
      const cpuBefore = cpuSecondsOf(server);
      const { child, message } = await startPinned<Omit<LoadResult, 'serverCpu'>>('./load-worker.js', 1, [job]);
      const cpuAfter = cpuSecondsOf(server);
      await stopPinned(child);
      return { ...message, serverCpu: cpuBefore === null || cpuAfter === null ? NaN : (cpuAfter - cpuBefore) / seconds };
    };
    const pagePaths = options.ids.map((id) => `/batches/${id}`);
    const cases: Case[] = [
      { title: 'scan as JSON: Digital Link -> consumer view (+ scan)', paths: options.paths, headers: { accept: 'application/json' } },
      { title: 'page data, warm: GET /api/public/batches/{id}', paths: options.ids.map((id) => `/api/public/batches/${id}`), headers: {} },
      { title: 'scan from a browser: Digital Link -> 307 (+ scan)', paths: options.paths, headers: { accept: 'text/html' } },
      ...(pages
        ? [
            {
              title: 'then the page, warm: GET /batches/{id} (HTML, gzip)',
              paths: pagePaths,
              headers: { accept: 'text/html', 'accept-encoding': 'gzip' },
            },
          ]
        : []),
    ];
    // Every view built and every code looked up once (HEAD: no scan), right before each case: a
    // page is kept a minute (its scan count), longer than the runs before the page case take.
    const warm = async () => {
      await visitAll(
        portalUrl,
        options.ids.map((id) => `/api/public/batches/${id}`),
        'GET',
      );
      await visitAll(portalUrl, options.paths, 'HEAD');
      if (pages) await visitAll(portalUrl, pagePaths, 'GET', 'text/html');
    };
    // Not measured: the JIT at work on every case.
    await warm();
    await load('warm-up', floorUrl, ['/'], {}, 1);
    for (const c of cases) await load('warm-up', portalUrl, c.paths, c.headers, 1);
    const database = pinned ? await pinPortalBackends(options.env.DATABASE_URL, 1) : 'PostgreSQL not pinned';

    const floors: LoadResult[] = [await load('floor', floorUrl, ['/'], {})];
    const results: LoadResult[] = [];
    const likeFloors: { bytes: number; headers: number; floor: LoadResult }[] = [];
    for (const [n, c] of cases.entries()) {
      await warm();
      results.push(await load(c.title, portalUrl, c.paths, c.headers));
      floors.push(await load('floor', floorUrl, ['/'], {}));
      const answer = await answerOf(`${portalUrl}${c.paths[0]!}`, c.headers);
      await floorLike(floorUrl, String(n), answer);
      const floor = await load('floor, same answer', floorUrl, [`/like/${n}`], {});
      likeFloors.push({ bytes: answer.bytes, headers: answer.headers.length / 2, floor });
    }
    console.log(
      `P1, the scan path: ${options.connections} connections, ${options.seconds} s per run, ${pinned ? `servers on core 0, load generator and ${database} on core 1 (taskset)` : 'not pinned (no taskset)'}; each case against the floor runs before and after it`,
    );
    const perCpu = (r: LoadResult) => r.requestsPerSecond / r.serverCpu;
    const cpu = (r: LoadResult) => ({ 'server CPU %': Math.round(r.serverCpu * 100), 'req per CPU-s': Math.round(perCpu(r)) });
    console.table([
      ...floors.map((f, n) => ({
        case: `floor: node:http hello (run ${n + 1})`,
        'req/s': Math.round(f.requestsPerSecond),
        'p50 ms': f.latencyP50,
        'p99 ms': f.latencyP99,
        ...cpu(f),
        'x floor': '',
        'x floor per CPU-s': '',
        'x same-answer floor': '',
        goal: '',
        '4xx/5xx': f.failures,
        errors: f.errors,
      })),
      ...results.flatMap((r, n) => {
        const [before, after] = [floors[n]!, floors[n + 1]!];
        const ratio = r.requestsPerSecond / ((before.requestsPerSecond + after.requestsPerSecond) / 2);
        const cpuRatio = perCpu(r) / ((perCpu(before) + perCpu(after)) / 2);
        const met = ratio >= GOAL_RATIO && r.latencyP99 <= GOAL_P99_MS;
        const { bytes, headers, floor } = likeFloors[n]!;
        const sameAnswer = {
          case: `floor: node:http sending the next case's ${headers} headers and ${bytes} bytes`,
          'req/s': Math.round(floor.requestsPerSecond),
          'p50 ms': floor.latencyP50,
          'p99 ms': floor.latencyP99,
          ...cpu(floor),
          'x floor': '',
          'x floor per CPU-s': '',
          'x same-answer floor': '',
          goal: '',
          '4xx/5xx': floor.failures,
          errors: floor.errors,
        };
        return [
          sameAnswer,
          {
            case: r.title,
            'req/s': Math.round(r.requestsPerSecond),
            'p50 ms': r.latencyP50,
            'p99 ms': r.latencyP99,
            ...cpu(r),
            'x floor': ratio.toFixed(2),
            'x floor per CPU-s': cpuRatio.toFixed(2),
            'x same-answer floor': (r.requestsPerSecond / floor.requestsPerSecond).toFixed(2),
            goal: `${met ? 'met' : 'NOT met'} (>= ${GOAL_RATIO}x, p99 <= ${GOAL_P99_MS} ms)`,
            '4xx/5xx': r.failures,
            errors: r.errors,
          },
        ];
      }),
    ]);
    // On two cores the load generator shares its core with PostgreSQL's scan writes: a case can be
    // held back by the load generator while the portal's core idles. Requests per CPU-second of the
    // server say what the core would do busy, comparable with the floor's.
    console.log(
      'The goal is judged on req/s (x floor); "x floor per CPU-s" compares the servers\' work per request, whatever held the load generator back; "x same-answer floor" compares with node:http sending the same headers and as many bytes, which every server must write and the load generator read.',
    );
  } finally {
    if (portal) await stopPinned(portal.child);
    await stopPinned(floor.child);
  }
}
