import type { FastifyRequest } from 'fastify';
import type { IdempotencyOwner } from './idempotency-store.js';

/**
 * Whose idempotency keys a request uses. auth/ knows (its access guard authenticated the request)
 * and provides this in AuthModule: common/ comes before auth/ and does not import it.
 */
export abstract class IdempotencyOwners {
  /** The signed-in user or the API key that sent the request; null for an anonymous one. */
  abstract ownerOf(request: FastifyRequest): IdempotencyOwner | null;
}
