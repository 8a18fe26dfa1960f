import type { ErrorCode, LocalizedText } from '@nguon/shared';

/** Field path → messages: English text (translated at the edge) or both languages. */
export type FieldErrors = Record<string, (string | LocalizedText)[]>;

/**
 * What services throw: a code from the closed list in `@nguon/shared`, never an HTTP status.
 * Without a detail the client gets the code's own message in its language.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: LocalizedText,
    readonly fieldErrors?: FieldErrors,
    /** For a temporary refusal (503, 429): when to try again, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail?.en ?? code);
    this.name = 'DomainError';
  }
}
