import { Worker } from 'node:worker_threads';
import type { QrErrorCorrectionLevel } from '@nguon/shared';
import { DomainError } from '../common/errors/domain-error.js';

export interface QrRenderJob {
  url: string;
  format: 'png' | 'svg';
  size: number;
  ecc: QrErrorCorrectionLevel;
}

type QrRenderResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

interface Waiting {
  job: QrRenderJob;
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

const WORKER_URL = new URL('./qr-render.worker.mjs', import.meta.url);

/**
 * A few worker threads that draw QR symbols (a 4096 px PNG at level H is over a second of CPU),
 * so the event loop keeps answering everyone else. Workers start on first use. When all are
 * busy and `queueLimit` requests already wait, a request is refused at once with 503 QR_BUSY
 * and Retry-After instead of piling up.
 */
export class QrRenderPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Waiting>();
  private readonly queue: Waiting[] = [];

  constructor(
    private readonly threads: number,
    private readonly queueLimit: number,
  ) {}

  render(job: QrRenderJob): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const waiting = { job, resolve, reject };
      const worker = this.idle.pop() ?? (this.busy.size < this.threads ? this.spawn() : null);
      if (worker) return this.run(worker, waiting);
      if (this.queue.length >= this.queueLimit) return reject(new DomainError('QR_BUSY', undefined, undefined, 1));
      this.queue.push(waiting);
    });
  }

  async close(): Promise<void> {
    for (const waiting of this.queue.splice(0)) waiting.reject(new DomainError('QR_BUSY', undefined, undefined, 1));
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    this.busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL);
    // An idle pool never keeps the process alive.
    worker.unref();
    worker.on('message', (result: QrRenderResult) => {
      const waiting = this.busy.get(worker);
      if (!waiting) return;
      this.busy.delete(worker);
      if (result.ok) waiting.resolve(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
      else waiting.reject(new Error(`QR rendering failed: ${result.message}`));
      this.next(worker);
    });
    worker.on('error', (error) => {
      // A crashed worker fails its job and is replaced by the next request that needs one.
      this.busy.get(worker)?.reject(error);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at !== -1) this.idle.splice(at, 1);
      const waiting = this.queue.shift();
      if (waiting) this.run(this.spawn(), waiting);
    });
    return worker;
  }

  private run(worker: Worker, waiting: Waiting): void {
    this.busy.set(worker, waiting);
    worker.postMessage(waiting.job);
  }

  private next(worker: Worker): void {
    const waiting = this.queue.shift();
    if (waiting) this.run(worker, waiting);
    else this.idle.push(worker);
  }
}
