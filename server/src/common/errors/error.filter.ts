import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ERROR_CODES, localize, pickLocale, type ApiError, type ErrorCode, type LocalizedText } from '@nguon/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import type { RouteMethods } from '../http/route-methods.js';
import { clientRequestIdOf } from '../request/client-request-id.js';
import { translateFieldErrors } from '../validation/field-error-messages.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { DomainError, type FieldErrors } from './domain-error.js';

const UNIQUE_VIOLATION = '23505';
const EXCLUSION_VIOLATION = '23P01';
/** PostgreSQL ended one of two transactions waiting for each other; it wrote nothing, and may simply be sent again. */
const DEADLOCK_DETECTED = '40P01';
/** What a 503 asks the client to wait: about what a database restart or failover takes. */
export const RETRY_AFTER_SECONDS = 5;

/** Constraint names that mean a specific, explainable conflict. */
const CONFLICT_BY_CONSTRAINT: Record<string, ErrorCode> = {
  businesses_tax_code_key: 'TAX_CODE_TAKEN',
  users_email_key: 'EMAIL_TAKEN',
  business_members_pkey: 'ALREADY_MEMBER',
  products_gtin_key: 'GTIN_TAKEN',
  batches_product_id_lot_code_key: 'LOT_CODE_TAKEN',
  events_event_id_key: 'DUPLICATE_EVENT',
  businesses_confirmed_tax_code_key: 'TAX_CODE_TAKEN',
  products_business_gtin_key: 'GTIN_TAKEN',
  business_gs1_prefixes_confirmed_excl: 'PREFIX_TAKEN',
  business_gs1_prefixes_pkey: 'CONFLICT',
  business_invitations_open_key: 'ALREADY_MEMBER',
};

function statusCodeToCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 405) return 'METHOD_NOT_ALLOWED';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 400 && status < 500) return 'MALFORMED_REQUEST';
  return 'INTERNAL';
}

/**
 * Routes whose errors are RFC 7807 problems (`application/problem+json`) of types their standard
 * names: the one error shape's fields stay, beside `type`, `title`, `status`, `detail` and `instance`.
 */
export interface ProblemRoutes {
  applies(url: string): boolean;
  typeOf(status: number, method: string): string;
}

type Classified = { code: ErrorCode; detail?: LocalizedText; fieldErrors?: FieldErrors };

/** Turns every error into the one error shape, with the message in the request's language. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  private readonly problems?: ProblemRoutes;
  private readonly routes?: RouteMethods;

  constructor(options: { problems?: ProblemRoutes; routes?: RouteMethods } = {}) {
    this.problems = options.problems;
    this.routes = options.routes;
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.answer(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  /** Answers the error in the one shape: also for the routes served without Nest's pipeline (scan-routes.ts). */
  answer(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const { code, detail, fieldErrors } = this.wrongMethod(exception, request, reply) ?? this.classify(exception, request);
    const definition = ERROR_CODES[code];
    const locale = pickLocale(request.headers['accept-language']);
    const body: ApiError = {
      statusCode: definition.status,
      code,
      message: localize(detail ?? definition.message, locale),
      ...(fieldErrors ? { fieldErrors: translateFieldErrors(fieldErrors, locale) } : {}),
      requestId: String(request.id),
    };
    // A temporary refusal says when to try again; any other 503 passes too, shortly.
    const retryAfter =
      exception instanceof DomainError && exception.retryAfterSeconds !== undefined
        ? exception.retryAfterSeconds
        : definition.status === 503
          ? RETRY_AFTER_SECONDS
          : undefined;
    if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
    if (this.problems?.applies(request.url)) {
      const problem = {
        type: this.problems.typeOf(definition.status, request.method),
        title: localize(definition.message, locale),
        status: definition.status,
        detail: body.message,
        instance: `urn:uuid:${String(request.id)}`,
        ...body,
      };
      return void reply.status(definition.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
    }
    void reply.status(definition.status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  /**
   * Errors Fastify answers itself before any route runs (a path with a malformed percent-encoding),
   * in the same shape: Fastify's onSend hooks do not run for them, so the request id is set here.
   */
  answerFrameworkError = (error: Error, request: FastifyRequest, reply: FastifyReply): void => {
    void reply.header('x-request-id', String(request.id));
    this.answer(error, request, reply);
  };

  /**
   * A 404 for a path that takes other methods but not this one is a 405 naming them (`Allow`). A
   * 404 a handler threw (no such batch) is not: its own method has a route there.
   */
  private wrongMethod(exception: unknown, request: FastifyRequest, reply: FastifyReply): Classified | undefined {
    const status =
      exception instanceof DomainError
        ? ERROR_CODES[exception.code].status
        : exception instanceof HttpException
          ? exception.getStatus()
          : 0;
    if (!this.routes || status !== 404) return undefined;
    const allowed = this.routes.allowedFor(request.url);
    if (!allowed.length || allowed.includes(request.method as (typeof allowed)[number])) return undefined;
    void reply.header('allow', allowed.join(', '));
    return { code: 'METHOD_NOT_ALLOWED' };
  }

  private classify(exception: unknown, request: FastifyRequest): Classified {
    if (exception instanceof DomainError) {
      return { code: exception.code, detail: exception.detail, fieldErrors: exception.fieldErrors };
    }
    if (exception instanceof QueryFailedError) {
      const driverError = exception.driverError as { code?: string; constraint?: string };
      if (driverError.code === UNIQUE_VIOLATION || driverError.code === EXCLUSION_VIOLATION) {
        return { code: CONFLICT_BY_CONSTRAINT[driverError.constraint ?? ''] ?? 'CONFLICT' };
      }
      if (driverError.code === DEADLOCK_DETECTED) return { code: 'WRITES_COLLIDED' };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`${request.method} ${request.url} [${String(request.id)}]: database unavailable (${(exception as Error).message})`);
      return { code: 'DATABASE_UNAVAILABLE' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) return { code: statusCodeToCode(status) };
    }
    // On the resolver's paths a code that cannot be decoded is a bad identifier; elsewhere a bad address.
    if ((exception as { code?: string }).code === 'FST_ERR_BAD_URL') {
      return { code: /^\/(01|q)\//.test(request.url) ? 'INVALID_IDENTIFIER' : 'MALFORMED_URL' };
    }
    // Fastify's own errors (bad JSON, body too large, wrong content type) carry a statusCode.
    const fastifyStatus = (exception as { statusCode?: number }).statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return { code: statusCodeToCode(fastifyStatus) };
    }
    const clientId = clientRequestIdOf(request);
    this.logger.error(
      `${request.method} ${request.url} [${String(request.id)}${clientId ? `, client's ${clientId}` : ''}]`,
      (exception as Error)?.stack ?? String(exception),
    );
    return { code: 'INTERNAL' };
  }
}
