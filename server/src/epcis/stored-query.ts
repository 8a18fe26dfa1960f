import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError } from '../common/errors/domain-error.js';
import { fieldErrorsOf } from '../common/validation/validation.pipe.js';
import { QueryEventsDto } from './dto/query-events.dto.js';
import { namespacesOfContext, takeOpenNameParameters, type OpenNameParameters } from './open-name-parameters.js';

/** A named query's definition, checked: the standard query's parameters, its typed ones apart. */
export type StoredQuery = QueryEventsDto & { openNames: OpenNameParameters; namespaces: Record<string, string> };

/** Paging belongs to each reading of a named query's events, not to its definition. */
const READING_PARAMETERS = ['perPage', 'nextPageToken'] as const;

/**
 * Checks a named query's definition (the `query` of `POST /queries`) as `GET /epcis/events`
 * checks its parameters: lists as JSON arrays or `|`-separated text, times with their zone.
 * Field errors are named `query.<parameter>`.
 */
export function parseStoredQuery(definition: Record<string, unknown>): StoredQuery {
  const plain = { ...definition };
  for (const key of READING_PARAMETERS) {
    if (key in plain) {
      throw new DomainError('VALIDATION_FAILED', undefined, {
        [`query.${key}`]: [`${key} is given when reading the query's events (GET /epcis/queries/{name}/events), not in its definition`],
      });
    }
  }
  const namespaces = namespacesOfContext(plain['@context']);
  delete plain['@context'];
  const openNames = takeOpenNameParameters(plain);
  const dto = plainToInstance(QueryEventsDto, plain);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', undefined, fieldErrorsOf(errors, 'query'));
  return Object.assign(dto, { openNames, namespaces });
}
