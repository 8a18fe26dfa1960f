import { Injectable } from '@nestjs/common';
import type { IdempotencyOwner } from '../common/idempotency/idempotency-store.js';
import { IdempotencyOwners } from '../common/idempotency/idempotency-owners.js';
import type { RequestWithActor } from './access.guard.js';

/** A request's idempotency keys are its actor's: the user's, or the API key's. */
@Injectable()
export class ActorIdempotencyOwners extends IdempotencyOwners {
  ownerOf(request: RequestWithActor): IdempotencyOwner | null {
    const principal = request.actor?.principal;
    if (!principal) return null;
    return principal.kind === 'user' ? { userId: principal.id } : { apiKeyId: principal.id };
  }
}
