import { readFileSync } from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

let compiled: ValidateFunction | undefined;

/** GS1's EPCIS 2.0 JSON Schema (draft-07), shipped with the server, compiled once, on the first capture rather than at start. */
function validator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(new URL('./schema/EPCIS-JSON-Schema.json', import.meta.url), 'utf8')) as object;
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return (compiled = ajv.compile(schema));
}

export interface SchemaProblem {
  /** JSON pointer to the field, e.g. `/epcisBody/eventList/3/eventTimeZoneOffset`. */
  pointer: string;
  message: string;
}

/** Combinators only repeat what their branches said; the branches name the field. */
const SUMMARY_KEYWORDS = new Set(['if', 'anyOf', 'allOf', 'oneOf']);

function problemOf(error: ErrorObject): SchemaProblem {
  const params = error.params as {
    missingProperty?: string;
    additionalProperty?: string;
    propertyName?: string;
    allowedValues?: unknown[];
  };
  const field = params.missingProperty ?? params.additionalProperty ?? params.propertyName;
  const pointer = field ? `${error.instancePath}/${field}` : error.instancePath || '/';
  if (error.keyword === 'not') {
    // The schema forbids a field by "not": say what the rule is rather than "must NOT be valid".
    const message = pointer.endsWith('/ilmd')
      ? 'ilmd is only allowed on an ObjectEvent with action ADD or a TransformationEvent'
      : 'is not allowed here';
    return { pointer, message };
  }
  const allowed = params.allowedValues ? ` (${params.allowedValues.join(', ')})` : '';
  return { pointer, message: `${error.message ?? 'is invalid'}${allowed}` };
}

/** Gate one of capture: the document against GS1's schema, each problem at its field. */
export function validateEpcisDocument(document: unknown): { valid: boolean; errors: SchemaProblem[] } {
  const validate = validator();
  if (validate(document)) return { valid: true, errors: [] };
  const errors = (validate.errors ?? []).filter((e) => !SUMMARY_KEYWORDS.has(e.keyword)).map(problemOf);
  const unique = [...new Map(errors.map((e) => [`${e.pointer} ${e.message}`, e])).values()];
  return { valid: false, errors: unique.length ? unique : [{ pointer: '/', message: 'does not match the EPCIS 2.0 schema' }] };
}
