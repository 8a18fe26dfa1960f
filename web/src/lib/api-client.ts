import { ERROR_CODES, type ApiError, type ErrorCode, type Locale } from '@nguon/shared';
import { endSession, getSession } from './session';

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

  /** The server's per-field messages (`address.line` → [...]), already in the request's language. */
  get fieldErrors(): Record<string, string[]> {
    return this.body?.fieldErrors ?? {};
  }
}

/** Any thrown value as an `ApiRequestError` (a bug in our code counts as INTERNAL). */
export function toRequestError(error: unknown): ApiRequestError {
  return error instanceof ApiRequestError ? error : new ApiRequestError('INTERNAL', 0, null);
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
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  return 'INTERNAL';
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ApiRequestOptions extends RequestOptions {
  /** Sent as JSON; a Blob (a picked file) is sent as it is, its type as Content-Type. */
  body?: unknown;
}

/**
 * A call to the portal's API as the signed-in user: `Authorization: Bearer` when there is a
 * session, JSON in and out, `Accept-Language` for the messages. A 204 resolves to `undefined`.
 * A 401 UNAUTHENTICATED for the token sent ends the session; the route guards then send the
 * reader to the sign-in page, keeping where they were.
 */
export async function apiRequest<T>(method: HttpMethod, path: string, options: ApiRequestOptions): Promise<T> {
  const response = method === 'GET' ? await sendRead(path, options, 'application/json') : await sendWrite(method, path, options);
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => null);
  if (parsed === null) throw new ApiRequestError('INTERNAL', response.status, null);
  return parsed as T;
}

/** A file the API serves only to the signed-in user (a PDF, a photo), as a Blob. */
export async function apiBlob(path: string, options: RequestOptions): Promise<Blob> {
  return (await sendRead(path, options, '*/*')).blob();
}

/** Waits before each retry of a request whose answer was lost, or of a write still running. */
const RETRY_DELAYS_MS = [500, 1500];

/** 16 random bytes as hex: crypto.randomUUID needs a secure context, which plain-HTTP installs lack. */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A read, sent again when its answer is lost (no connection, a gateway error): reading twice changes nothing. */
function sendRead(path: string, options: RequestOptions, accept: string): Promise<Response> {
  return withRetries(() => send('GET', path, options, accept), options.signal, false);
}

/**
 * A write with an `Idempotency-Key`, one per call: when the answer is lost (no connection, a
 * gateway error) or the first try is still running (409), the same request is sent again with the
 * same key, and the server records it once and replays its answer.
 */
function sendWrite(method: HttpMethod, path: string, options: ApiRequestOptions): Promise<Response> {
  const idempotencyKey = newIdempotencyKey();
  return withRetries(() => send(method, path, options, 'application/json', idempotencyKey), options.signal, true);
}

async function withRetries(attempt: () => Promise<Response>, signal: AbortSignal | undefined, write: boolean): Promise<Response> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const retryable =
        error instanceof ApiRequestError &&
        (error.code === 'NETWORK' || (write && error.code === 'IDEMPOTENCY_KEY_IN_USE') || [502, 503, 504].includes(error.status));
      const delay = RETRY_DELAYS_MS[tries];
      if (!retryable || delay === undefined || signal?.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

async function send(
  method: HttpMethod,
  path: string,
  { locale, signal, body }: ApiRequestOptions,
  accept: string,
  idempotencyKey?: string,
): Promise<Response> {
  const token = getSession()?.accessToken ?? null;
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': locale };
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body instanceof Blob) headers['Content-Type'] = body.type || 'application/octet-stream';
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    const sent = body === undefined || body instanceof Blob ? body : JSON.stringify(body);
    response = await fetch(path, { method, headers, body: sent, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError('NETWORK', 0, null);
  }
  if (response.ok) return response;
  const parsed: unknown = await response.json().catch(() => null);
  const error = isApiError(parsed)
    ? new ApiRequestError(parsed.code, response.status, parsed)
    : new ApiRequestError(codeForStatus(response.status), response.status, null);
  // Only the token that was refused: a sign-in made meanwhile must survive a late answer.
  if (error.code === 'UNAUTHENTICATED' && token && getSession()?.accessToken === token) endSession('expired');
  throw error;
}

/** A query string from the values that are set (`undefined`, `null` and `''` are left out). */
export function queryString(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * GET a same-origin JSON resource, anonymously (the consumer pages and the resolver). Sends `Accept: application/json` (the resolver answers JSON
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
