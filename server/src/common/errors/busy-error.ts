import type { ErrorCode, LocalizedText } from '@nguon/shared';
import { DomainError } from './domain-error.js';

/** A refusal for now, not for good: the answer carries Retry-After. */
export class BusyError extends DomainError {
  constructor(code: ErrorCode, readonly retryAfterSeconds: number, detail?: LocalizedText) {
    super(code, detail);
  }
}
