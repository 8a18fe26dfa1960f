import { connect, type Socket } from 'node:net';

interface LoadJob {
  title: string;
  url: string;
  paths: string[];
  headers: Record<string, string>;
  seconds: number;
  connections: number;
}

const HEAD_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

/**
 * Generates load from its own process, so the server under test keeps its core to itself: HTTP/1.1
 * keep-alive connections, each sending the next request when the last answer has arrived. It reads
 * an answer's status and Content-Length and skips its body unread, so what it costs per request
 * does not depend on what the body holds (autocannon decodes every body as UTF-8: for gzip or
 * Vietnamese text that cost it more than the servers it measured). The job comes as JSON in argv;
 * the figures go back over IPC.
 */
const job = JSON.parse(process.argv[2] ?? '{}') as LoadJob;
const target = new URL(job.url);
const extra = Object.entries(job.headers)
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('');
const requests = job.paths.map((path) => Buffer.from(`GET ${path} HTTP/1.1\r\nhost: ${target.host}\r\n${extra}\r\n`, 'latin1'));

const latencies: number[] = [];
let next = 0;
let failures = 0;
let errors = 0;
let running = true;

/** One connection: sends a request, reads its answer, and again until the time is up. */
function drive(): Promise<void> {
  return new Promise((resolve) => {
    const socket: Socket = connect(Number(target.port), target.hostname);
    socket.setNoDelay(true);
    let buffered: Buffer = Buffer.alloc(0);
    /** Body bytes of the current answer still to skip; -1 while its head is awaited. */
    let bodyLeft = -1;
    let sentAt = 0;
    const send = () => {
      if (!running) return void socket.end(resolve);
      sentAt = performance.now();
      socket.write(requests[next++ % requests.length]!);
    };
    socket.on('connect', send);
    socket.on('data', (chunk: Buffer) => {
      let data: Buffer = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      buffered = Buffer.alloc(0);
      while (data.length) {
        if (bodyLeft < 0) {
          const end = data.indexOf(HEAD_END);
          if (end < 0) return void (buffered = data);
          const head = data.toString('latin1', 0, end);
          const status = Number(head.slice(9, 12));
          if (status >= 400) failures++;
          bodyLeft = status === 304 || status === 204 ? 0 : Number(CONTENT_LENGTH.exec(head)?.[1] ?? NaN);
          if (Number.isNaN(bodyLeft))
            throw new Error(`${job.title}: an answer without Content-Length (chunked answers are not read): ${head.split('\r\n')[0]}`);
          data = data.subarray(end + HEAD_END.length);
        }
        const skipped = Math.min(bodyLeft, data.length);
        bodyLeft -= skipped;
        data = data.subarray(skipped);
        if (bodyLeft > 0) return;
        bodyLeft = -1;
        if (running) latencies.push(performance.now() - sentAt);
        send();
      }
    });
    // Counted once, on close: an error closes the connection.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (running) errors++;
      resolve();
    });
  });
}

const connections = Array.from({ length: job.connections }, drive);
await new Promise((resolve) => setTimeout(resolve, job.seconds * 1000));
running = false;
await Promise.all(connections);

latencies.sort((a, b) => a - b);
const percentile = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN);
process.send?.({
  title: job.title,
  requestsPerSecond: latencies.length / job.seconds,
  latencyP50: percentile(0.5),
  latencyP99: percentile(0.99),
  failures,
  errors,
});
