import type { ErrorCode } from '@nguon/shared';
import { DomainError } from './domain-error.js';

/** A refusal that passes with time: the error filter adds a Retry-After header. */
export class RetryLaterError extends DomainError {
  constructor(code: ErrorCode, readonly retryAfterSeconds: number) {
    super(code);
  }
}
