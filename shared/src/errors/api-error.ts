import type { ErrorCode } from './error-codes.js';

/** The one error shape every endpoint answers with (DOMAIN.md §8). */
export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  message: string;
  /** Field path (e.g. `inputs.0.quantity`) to the messages for that field. */
  fieldErrors?: Record<string, string[]>;
  requestId?: string;
}
