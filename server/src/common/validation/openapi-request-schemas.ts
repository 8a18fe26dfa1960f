import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage, IS_IN, IS_UUID, ValidationTypes, type MetadataStorage } from 'class-validator';

/** The part of an OpenAPI schema object this file reads and writes. */
interface SchemaObject {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  $ref?: string;
}

type Rule = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
/** A DTO class, as class-validator keys its rules. */
type Target = Parameters<MetadataStorage['getTargetValidationMetadatas']>[0];

/** What a property's declared TypeScript type says of its JSON type: a DTO documented elsewhere by reference. */
function schemaOfType(type: unknown, documented: ReadonlySet<string>): SchemaObject {
  if (type === String) return { type: 'string' };
  if (type === Number) return { type: 'number' };
  if (type === Boolean) return { type: 'boolean' };
  if (type === Array) return { type: 'array', items: {} };
  if (typeof type === 'function' && documented.has(type.name)) return { $ref: `#/components/schemas/${type.name}` };
  return { type: 'object' };
}

/** A property's schema from its validation rules: its type, and a format or enum where a rule gives one. */
function schemaOf(target: Target, property: string, rules: Rule[], documented: ReadonlySet<string>): SchemaObject {
  const schema = schemaOfType(Reflect.getMetadata('design:type', target.prototype as object, property), documented);
  const item = (rule: Rule, fragment: SchemaObject): void => {
    if (rule.each && schema.type === 'array') schema.items = { ...schema.items, ...fragment };
    else Object.assign(schema, fragment);
  };
  for (const rule of rules) {
    if (rule.name === IS_UUID) item(rule, { type: 'string', format: 'uuid' });
    if (rule.name === IS_IN && Array.isArray(rule.constraints[0])) item(rule, { enum: rule.constraints[0] as unknown[] });
  }
  return schema;
}

/**
 * Completes the OpenAPI schemas of the request bodies from the rules the server enforces (the
 * class-validator decorators of each DTO class, its parents' included): every validated property
 * is listed, and `required` names exactly those without `@IsOptional`. Swagger's decorators alone
 * left out properties that only class-validator checks and marked optional ones required, and the
 * build cannot run Swagger's compiler plugin.
 */
export function completeRequestSchemas(document: OpenAPIObject): void {
  const storage = getMetadataStorage();
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  const documented = new Set(Object.keys(schemas));
  // class-validator keeps its rules per class, privately: the schemas are named after the classes.
  const targets = (storage as unknown as { validationMetadatas: Map<Target, unknown> }).validationMetadatas;
  const byName = new Map([...targets.keys()].map((target) => [target.name, target]));
  for (const [name, schema] of Object.entries(schemas)) {
    const target = byName.get(name);
    if (!target) continue;
    const byProperty = storage.groupByPropertyName(storage.getTargetValidationMetadatas(target, '', true, false));
    const properties = (schema.properties ??= {});
    const required: string[] = [];
    for (const [property, rules] of Object.entries(byProperty)) {
      properties[property] ??= schemaOf(target, property, rules, documented);
      if (!rules.some((rule) => rule.type === ValidationTypes.CONDITIONAL_VALIDATION)) required.push(property);
    }
    if (required.length) schema.required = required;
    else delete schema.required;
  }
}
