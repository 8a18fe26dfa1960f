import { createHash } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, of, type Observable } from 'rxjs';
import { DomainError } from '../errors/domain-error.js';
import { IdempotencyOwners } from './idempotency-owners.js';
import { IdempotencyStore, type StoredAnswer } from './idempotency-store.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Long enough for a UUID or a ULID with a prefix; no spaces or characters a log could misread. */
const KEY_FORMAT = /^[A-Za-z0-9_.:-]{8,128}$/;
/** Answer headers that matter to a client besides the body (where the new thing is). */
const KEPT_HEADERS = ['location'];

function isJsonAnswer(body: unknown): boolean {
  if (body === undefined || body === null || ['string', 'number', 'boolean'].includes(typeof body)) return true;
  return Array.isArray(body) || Object.getPrototypeOf(body) === Object.prototype;
}

/**
 * `Idempotency-Key` on any write by a signed-in user or an API key: the first request with a key
 * runs and its successful answer is kept for a day; the same request again gets that answer back
 * (`Idempotent-Replayed: true`) without running; the key on a different request is refused (422),
 * and while the first still runs, a twin is refused (409, try again shortly). A failed request
 * keeps nothing (its transaction wrote nothing), so a retry runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly owners: IdempotencyOwners,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const key = request.headers['idempotency-key'];
    const owner = this.owners.ownerOf(request);
    if (context.getType() !== 'http' || key === undefined || !owner || !WRITES.has(request.method)) return next.handle();
    if (typeof key !== 'string' || !KEY_FORMAT.test(key)) throw new DomainError('IDEMPOTENCY_KEY_INVALID');

    const reply = http.getResponse<FastifyReply>();
    const body = request.body;
    const hash = createHash('sha256')
      .update(Buffer.isBuffer(body) ? body : JSON.stringify(body ?? null))
      .digest('hex');
    const claim = await this.store.claim({ owner, key, method: request.method, path: request.url, hash }).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'IDEMPOTENCY_KEY_IN_USE') void reply.header('retry-after', '1');
      throw error;
    });
    if (claim.kind === 'replay') {
      void reply.headers({ ...claim.answer.headers, 'idempotent-replayed': 'true' });
      return of(claim.answer.body);
    }
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? (request.method === 'POST' ? 201 : 200);
    // Awaited as a promise, not as a subscription: when the request timeout answers first (it
    // stands outside this interceptor), the write still finishes and its answer is kept for the retry.
    const settled = lastValueFrom(next.handle()).then(
      async (answer: unknown) => {
        // A file or a stream is not kept: the key is freed, as for a request that sent none.
        if (!isJsonAnswer(answer)) await this.store.release(claim.id);
        else await this.store.complete(claim.id, { status, body: answer, headers: keptHeaders(reply) });
        return answer;
      },
      async (error: unknown) => {
        // The request failed: free the key. If even that fails, the claim counts as abandoned later.
        await this.store.release(claim.id).catch(() => undefined);
        throw error;
      },
    );
    return from(settled);
  }
}

function keptHeaders(reply: FastifyReply): StoredAnswer['headers'] {
  const kept: StoredAnswer['headers'] = {};
  for (const name of KEPT_HEADERS) {
    const value = reply.getHeader(name);
    if (typeof value === 'string') kept[name] = value;
  }
  return kept;
}
