import autocannon from 'autocannon';

interface LoadJob {
  title: string;
  url: string;
  paths: string[];
  headers: Record<string, string>;
  seconds: number;
  connections: number;
}

/**
 * Generates load from its own process (autocannon misbehaves inside a worker thread), so the
 * server under test keeps its event loop, and where pinned its core, to itself. The job comes as
 * JSON in argv; the figures go back over IPC.
 */
const job = JSON.parse(process.argv[2] ?? '{}') as LoadJob;
let next = 0;
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.seconds,
  headers: job.headers,
  requests: [{ setupRequest: (request) => ({ ...request, path: job.paths[next++ % job.paths.length]! }) }],
});
process.send?.({
  title: job.title,
  requestsPerSecond: result.requests.average,
  latencyP50: result.latency.p50,
  latencyP99: result.latency.p99,
  failures: result['4xx'] + result['5xx'],
  errors: result.errors,
});
