import { createParamDecorator, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { DomainError } from '../common/errors/domain-error.js';
import { splitList } from './dto/query-list.js';
import { ATTRIBUTE_PARAMETER, HAS_ATTRIBUTE_PARAMETER, masterDataProblem } from './master-data-filters.js';

/**
 * The query parameters whose name is open (EPCIS 2.0 §8.2.7.1), each a list of values, keyed by
 * the parameter's name as the `Link` to the next page repeats them:
 * - a type: `EQ_bizTransaction_{type}`, `EQ_source_{type}`, `EQ_destination_{type}`;
 * - an extension field (`prefix:name`), at the event's top level or inside (`INNER_`), in its
 *   ILMD, error declaration, sensor element, metadata or report, or its read point or business
 *   location: `EQ_`, `GT_`, `GE_`, `LT_`, `LE_`, `EXISTS_`;
 * - a measurement in a unit: `EQ_value_CEL`, `GE_minValue_KGM`, ..., `LT_quantity_KGM`;
 * - master data of a place: `HASATTR_bizLocation`, `EQ_ATTR_readPoint_name`.
 */
export type OpenNameParameters = Record<string, string[]>;

/** A typed parameter: its list and its type (a CBV bare word, its URN or Web URI, or an extension URI). */
export const NAMED_TYPE_PARAMETER = /^EQ_(bizTransaction|source|destination)_(.+)$/;

/** An extension field parameter: comparison, INNER_, where it looks, and the field (`prefix:name`). */
export const FIELD_PARAMETER =
  /^(EQ|GT|GE|LT|LE|EXISTS)_(INNER_)?(ILMD_|ERROR_DECLARATION_|SENSORELEMENT_|SENSORMETADATA_|SENSORREPORT_|readPoint_|bizLocation_)?([a-z][a-zA-Z0-9]*):(\w+)$/;

/** A measurement parameter: comparison, what is measured, and the unit (UN/CEFACT Rec 20 code). */
export const MEASUREMENT_PARAMETER = /^(EQ|GT|GE|LT|LE)_(value|minValue|maxValue|meanValue|sDev|percValue|quantity)_([A-Z0-9]{2,4})$/;

/** A value GT_, GE_, LT_ and LE_ compare with: a number or a date-time with its zone. */
export const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Why the values do not fit the parameter (GT_, GE_, LT_, LE_ take one number or date-time; measurements numbers), or null. */
function comparisonProblem(name: string, values: string[]): string | null {
  const comparison = /^(GT|GE|LT|LE)_/.test(name);
  const measured = MEASUREMENT_PARAMETER.test(name);
  if (comparison && values.length !== 1) return `${name} takes one value`;
  if (measured && !values.every((value) => NUMBER.test(value))) return `${name} takes numbers, e.g. ${name}=20.5`;
  if (comparison && !NUMBER.test(values[0]!) && !DATE_TIME.test(values[0]!)) {
    return `${name} takes a number or a date-time with a time zone, e.g. 20.5 or 2026-12-01T00:00:00+07:00`;
  }
  return null;
}

const isOpenName = (name: string) =>
  [NAMED_TYPE_PARAMETER, FIELD_PARAMETER, MEASUREMENT_PARAMETER, HAS_ATTRIBUTE_PARAMETER, ATTRIBUTE_PARAMETER].some((pattern) =>
    pattern.test(name),
  );

const MAX_VALUES = 200;
const MAX_LENGTH = 1000;

const parsed = new WeakMap<object, OpenNameParameters>();

/**
 * Takes the open-name parameters out of `query` (deleting them from it), checked: what a request's
 * query string or a named query's definition holds alike.
 */
export function takeOpenNameParameters(query: Record<string, unknown>): OpenNameParameters {
  const taken: OpenNameParameters = {};
  for (const name of Object.keys(query).filter(isOpenName).sort()) {
    // `EXISTS_ext:field` alone (an empty value) asks that the field be there.
    const values = name.startsWith('EXISTS_') && (query[name] === '' || query[name] === true) ? ['true'] : splitList(query[name], 'uris');
    const fine =
      Array.isArray(values) &&
      values.length <= MAX_VALUES &&
      values.every((value) => typeof value === 'string' && value !== '' && value.length <= MAX_LENGTH);
    const problem = fine ? (masterDataProblem(name, values as string[]) ?? comparisonProblem(name, values as string[])) : null;
    if (problem) throw new DomainError('VALIDATION_FAILED', undefined, { [name]: [problem] });
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
 * Takes the open-name parameters out of the query before it is validated (their names are open, so
 * the query's DTO cannot list them), checks them, and keeps them for `@OpenNames()`. Runs
 * before the pipes, as every interceptor does.
 */
@Injectable()
export class TakeOpenNameParameters implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    parsed.set(request, takeOpenNameParameters(request.query as Record<string, unknown>));
    return next.handle();
  }
}

/** The open-name parameters `TakeOpenNameParameters` took out of the query. */
export const OpenNames = createParamDecorator((_: unknown, context: ExecutionContext): OpenNameParameters => {
  return parsed.get(context.switchToHttp().getRequest<FastifyRequest>()) ?? {};
});

/** The prefixes a `GS1-Extensions` header declares (`ext1=https://example.com/ext1/, ext2=...`). */
export function namespacesOfHeader(header: string | undefined): Record<string, string> {
  const pairs = (header ?? '').split(',').map((pair) => /^\s*([A-Za-z][\w.-]*)\s*=\s*(\S+)\s*$/.exec(pair));
  return Object.fromEntries(pairs.flatMap((pair) => (pair ? [[pair[1]!, pair[2]!]] : [])));
}

/** The prefixes a JSON-LD `@context` (a named query's) binds to namespaces: its objects' string entries. */
export function namespacesOfContext(context: unknown): Record<string, string> {
  const items = Array.isArray(context) ? context : [context];
  return Object.fromEntries(
    items.flatMap((item) =>
      item && typeof item === 'object'
        ? Object.entries(item).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
        : [],
    ),
  );
}
