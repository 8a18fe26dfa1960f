import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';
import { deleteExpiredKeys, deleteIdempotencyKey, findIdempotencyKey, insertIdempotencyKey, storeAnswer } from './idempotency.queries.js';

/** How long an answer is kept for replay. */
export const IDEMPOTENCY_TTL_HOURS = 24;
/**
 * A claim with no answer after this long belongs to a request that died with its process (a
 * request never runs this long); a retry may take it over rather than be refused for a day.
 */
const ABANDONED_AFTER_SECONDS = 120;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Whose key it is: keys are per user, or per API key. */
export type IdempotencyOwner = { userId: string } | { apiKeyId: string };

export interface IdempotentRequest {
  owner: IdempotencyOwner;
  key: string;
  method: string;
  path: string;
  /** sha256 of the request body. */
  hash: string;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type Claim = { kind: 'claimed'; id: string } | { kind: 'replay'; answer: StoredAnswer };

/**
 * Idempotency keys in PostgreSQL, safe across instances: a request first inserts its key (the
 * unique index lets only one of two concurrent twins in), runs, then stores its answer. A twin
 * arriving meanwhile is refused with 409 rather than made to wait: waiting would hold a request
 * and a database connection open for as long as the first one runs, and a client that retries a
 * moment later gets the stored answer anyway.
 */
@Injectable()
export class IdempotencyStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private timer: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: Error) => this.logger.warn(`sweeping idempotency keys failed: ${error.message}`));
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The right to run the request, or the answer it already had; refuses a reuse or a twin in flight. */
  async claim(request: IdempotentRequest): Promise<Claim> {
    // Three rounds at most: an expired or abandoned row is deleted, then the insert is tried again.
    for (let round = 0; round < 3; round++) {
      const id = await insertIdempotencyKey(this.db.manager, request);
      if (id !== null) return { kind: 'claimed', id };
      const row = await findIdempotencyKey(this.db.manager, request, IDEMPOTENCY_TTL_HOURS, ABANDONED_AFTER_SECONDS);
      if (!row) continue; // released or swept meanwhile
      if (row.stale) {
        await deleteIdempotencyKey(this.db.manager, row.id);
        continue;
      }
      if (row.method !== request.method || row.path !== request.path || row.request_hash !== request.hash) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED');
      }
      if (row.status === null) throw new DomainError('IDEMPOTENCY_KEY_IN_USE');
      return {
        kind: 'replay',
        answer: {
          status: row.status,
          body: row.response_body === null ? undefined : JSON.parse(row.response_body),
          headers: row.response_headers ?? {},
        },
      };
    }
    throw new DomainError('IDEMPOTENCY_KEY_IN_USE');
  }

  /** Keeps the answer of a request that succeeded, for replay. */
  async complete(id: string, answer: StoredAnswer): Promise<void> {
    await storeAnswer(this.db.manager, id, answer);
  }

  /** Frees the key of a request that failed (nothing was written), so a corrected retry can run. */
  async release(id: string): Promise<void> {
    await deleteIdempotencyKey(this.db.manager, id);
  }

  /** Deletes the keys older than a day; returns how many. */
  sweep(): Promise<number> {
    return deleteExpiredKeys(this.db.manager, IDEMPOTENCY_TTL_HOURS);
  }
}
