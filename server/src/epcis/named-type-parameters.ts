import { createParamDecorator, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { DomainError } from '../common/errors/domain-error.js';
import { splitList } from './dto/query-list.js';

/**
 * The query parameters whose name carries a type (EPCIS 2.0 §8.2.7.1): `EQ_bizTransaction_{type}`,
 * `EQ_source_{type}`, `EQ_destination_{type}`; each a list of values, any one matching. Keyed by
 * the parameter's name, as the `Link` to the next page repeats them.
 */
export type NamedTypeParameters = Record<string, string[]>;

/** A parameter of this kind: its list and its type (a CBV bare word, its URN or Web URI, or an extension URI). */
export const NAMED_TYPE_PARAMETER = /^EQ_(bizTransaction|source|destination)_(.+)$/;

const MAX_VALUES = 200;
const MAX_LENGTH = 1000;

const parsed = new WeakMap<object, NamedTypeParameters>();

/**
 * Takes the typed parameters out of `query` (deleting them from it), checked: what a request's
 * query string or a named query's definition holds alike.
 */
export function takeNamedTypes(query: Record<string, unknown>): NamedTypeParameters {
  const taken: NamedTypeParameters = {};
  for (const name of Object.keys(query)
    .filter((key) => NAMED_TYPE_PARAMETER.test(key))
    .sort()) {
    const values = splitList(query[name], 'uris');
    const fine =
      Array.isArray(values) &&
      values.length <= MAX_VALUES &&
      values.every((value) => typeof value === 'string' && value !== '' && value.length <= MAX_LENGTH);
    if (!fine || name.length > MAX_LENGTH) {
      throw new DomainError('VALIDATION_FAILED', undefined, {
        [name]: [`${name} must be up to ${MAX_VALUES} values of 1 to ${MAX_LENGTH} characters, separated by | or ,`],
      });
    }
    taken[name] = values as string[];
    delete query[name];
  }
  return taken;
}

/**
 * Takes the typed parameters out of the query before it is validated (their names are open, so
 * the query's DTO cannot list them), checks them, and keeps them for `@NamedTypes()`. Runs
 * before the pipes, as every interceptor does.
 */
@Injectable()
export class TakeNamedTypeParameters implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    parsed.set(request, takeNamedTypes(request.query as Record<string, unknown>));
    return next.handle();
  }
}

/** The typed parameters `TakeNamedTypeParameters` took out of the query. */
export const NamedTypes = createParamDecorator((_: unknown, context: ExecutionContext): NamedTypeParameters => {
  return parsed.get(context.switchToHttp().getRequest<FastifyRequest>()) ?? {};
});
