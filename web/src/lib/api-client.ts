import { ERROR_CODES, type ApiError, type ErrorCode, type Locale } from '@nguon/shared';

/** What went wrong with a request: an API error code, or no answer at all. */
export type RequestErrorCode = ErrorCode | 'NETWORK';

/** Thrown for any failed request; callers switch on `code`, never on the message. */
export class ApiRequestError extends Error {
  readonly code: RequestErrorCode;
  readonly status: number;
  readonly body: ApiError | null;

  constructor(code: RequestErrorCode, status: number, body: ApiError | null) {
    super(body?.message ?? code);
    this.name = 'ApiRequestError';
    this.code = code;
    this.status = status;
    this.body = body;
  }
}

export interface RequestOptions {
  locale: Locale;
  signal?: AbortSignal;
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_CODES;
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'code' in value && isErrorCode(value.code);
}

/** A code for answers that are not the API's error shape (a proxy's 502, an HTML page...). */
function codeForStatus(status: number): ErrorCode {
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 400) return 'MALFORMED_REQUEST';
  return 'INTERNAL';
}

/**
 * GET a same-origin JSON resource. Sends `Accept: application/json` (the resolver answers JSON
 * rather than redirecting) and `Accept-Language` so that error messages come in the reader's language.
 */
export async function getJson<T>(path: string, { locale, signal }: RequestOptions): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Accept: 'application/json', 'Accept-Language': locale },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError('NETWORK', 0, null);
  }

  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isApiError(body)) throw new ApiRequestError(body.code, response.status, body);
    throw new ApiRequestError(codeForStatus(response.status), response.status, null);
  }
  if (body === null) throw new ApiRequestError('INTERNAL', response.status, null);
  return body as T;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
