import type { QueryEventsDto } from './dto/query-events.dto.js';
import { identifierVariants } from './epc-format.js';
import { FIELD_PARAMETER, MEASUREMENT_PARAMETER, NUMBER } from './open-name-parameters.js';

/** Positional parameters of one SQL statement (`SqlParams`). */
interface Params {
  add(value: unknown): string;
}

/**
 * Query parameters answered from the stored event document (alias `e`) with SQL/JSON paths:
 * quantities, sensor data and extension fields. No index serves them: they narrow what the other
 * conditions (times, types, places, identifiers, the caller's events) select.
 */

type Comparison = 'EQ' | 'GT' | 'GE' | 'LT' | 'LE';
const OPERATOR: Record<Exclude<Comparison, 'EQ'>, string> = { GT: '>', GE: '>=', LT: '<', LE: '<=' };

const DATE_TIME_SQL = String.raw`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$`;
const NUMBER_SQL = String.raw`^-?\d+(\.\d+)?([eE][-+]?\d+)?$`;

/** Where sensor data sits in an event: its elements, their metadata, their reports. */
const SENSOR_ELEMENTS = '$.sensorElementList[*]';
const SENSOR_METADATA = '$.sensorElementList[*].sensorMetadata';
const SENSOR_REPORTS = '$.sensorElementList[*].sensorReport[*]';

/** The sensor attributes a query names (EQ_deviceID, GE_time, ...), and where each is found. */
const SENSOR_ATTRIBUTES = {
  deviceID: [SENSOR_METADATA, SENSOR_REPORTS],
  dataProcessingMethod: [SENSOR_METADATA, SENSOR_REPORTS],
  bizRules: [SENSOR_METADATA],
  microorganism: [SENSOR_REPORTS],
  chemicalSubstance: [SENSOR_REPORTS],
  stringValue: [SENSOR_REPORTS],
  hexBinaryValue: [SENSOR_REPORTS],
  uriValue: [SENSOR_REPORTS],
  booleanValue: [SENSOR_REPORTS],
  type: [SENSOR_REPORTS],
  time: [SENSOR_METADATA, SENSOR_REPORTS],
  startTime: [SENSOR_METADATA],
  endTime: [SENSOR_METADATA],
  percRank: [SENSOR_REPORTS],
} as const;
type SensorAttribute = keyof typeof SENSOR_ATTRIBUTES;

/** Where each kind of extension field parameter looks for the objects that hold the field. */
const FIELD_HOLDERS: Record<string, string> = {
  '': '$',
  ILMD_: '$.ilmd',
  ERROR_DECLARATION_: '$.errorDeclaration',
  SENSORELEMENT_: SENSOR_ELEMENTS,
  SENSORMETADATA_: SENSOR_METADATA,
  SENSORREPORT_: SENSOR_REPORTS,
  readPoint_: '$.readPoint',
  bizLocation_: '$.bizLocation',
};

/**
 * Every object nested below the holders (`INNER_`): inside their fields, at any depth. The event's
 * `@context` is not looked in: it may define a term of the very name asked for.
 */
const inside = (holder: string) => `strict ${holder}.*.** ? (@.type() == "object")`;

/** A measurement type in each form an event may carry it (`Temperature`, `gs1:Temperature`, its Web URI). */
function measurementTypeForms(value: string): string[] {
  const word = value.replace(/^(gs1:|https?:\/\/gs1\.org\/voc\/)/, '');
  return /^[A-Za-z]+$/.test(word) ? [word, `gs1:${word}`, `https://gs1.org/voc/${word}`] : [value];
}

/** How a JSON value found (`found`) compares with the query's value: as a number, a time or text. */
function compared(found: string, comparison: Comparison, value: string, params: Params): string {
  if (comparison === 'EQ') throw new Error('EQ compares with a list');
  const operator = OPERATOR[comparison];
  if (NUMBER.test(value)) {
    return `(CASE WHEN jsonb_typeof(${found}) = 'number' THEN (${found})::numeric
                  WHEN jsonb_typeof(${found}) = 'string' AND ${found} #>> '{}' ~ '${NUMBER_SQL}' THEN (${found} #>> '{}')::numeric END)
            ${operator} ${params.add(value)}::numeric`;
  }
  return `(CASE WHEN jsonb_typeof(${found}) = 'string' AND ${found} #>> '{}' ~ '${DATE_TIME_SQL}' THEN (${found} #>> '{}')::timestamptz END)
          ${operator} ${params.add(value)}::timestamptz`;
}

/** A JSON value found equals one of the values (as text: `20` matches the number 20 and the string "20"). */
const equalsOneOf = (found: string, values: string[], params: Params) =>
  `jsonb_typeof(${found}) IN ('string', 'number', 'boolean') AND ${found} #>> '{}' = ANY(${params.add([...new Set(values)])}::text[])`;

/** Some value the path finds in the event satisfies `test` (of `found.value`); a path that does not fit the event finds nothing. */
const somewhere = (path: string, test: string, params: Params) =>
  `EXISTS (SELECT 1 FROM jsonb_path_query(e.document, ${params.add(path)}::jsonpath, '{}', true) AS found(value) WHERE ${test})`;

/** Some entry of a quantity list (any of the four) satisfies `test` (of `entry.value`). */
const someQuantity = (test: string) =>
  `EXISTS (SELECT 1 FROM unnest(ARRAY['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']) AS list(name),
                 jsonb_array_elements(CASE jsonb_typeof(e.document -> list.name) WHEN 'array' THEN e.document -> list.name ELSE '[]'::jsonb END) AS entry(value)
           WHERE ${test})`;

/** Events with sensor data: what every sensor condition first narrows to (the partial index's predicate). */
const HAS_SENSOR_DATA = `e.document ? 'sensorElementList'`;

/**
 * A sensor attribute equal to one of the values, by containment through the sensor elements'
 * GIN index: an element whose metadata, or one of whose reports, holds the attribute's value.
 */
function sensorEquals(attribute: SensorAttribute, values: (string | boolean)[], params: Params): string {
  const entries = SENSOR_ATTRIBUTES[attribute].flatMap((holder) =>
    values.map((value) =>
      JSON.stringify(
        holder === SENSOR_METADATA ? [{ sensorMetadata: { [attribute]: value } }] : [{ sensorReport: [{ [attribute]: value }] }],
      ),
    ),
  );
  return `(${HAS_SENSOR_DATA} AND (e.document -> 'sensorElementList') @> ANY(${params.add([...new Set(entries)])}::jsonb[]))`;
}

/** A sensor attribute (a time or a rank) compared with a value: read from the elements found. */
function sensorCompared(attribute: SensorAttribute, comparison: Exclude<Comparison, 'EQ'>, value: string, params: Params): string {
  const tests = SENSOR_ATTRIBUTES[attribute].map((holder) =>
    somewhere(`lax ${holder}.${attribute}`, compared('found.value', comparison, value, params), params),
  );
  return `(${HAS_SENSOR_DATA} AND (${tests.join(' OR ')}))`;
}

/** Every form a value of the attribute may be written in: a measurement type's three, a GS1 key's URN and Digital Links. */
function sensorValueForms(attribute: SensorAttribute, values: string[]): string[] {
  if (attribute === 'type') return values.flatMap(measurementTypeForms);
  const identifiers = ['deviceID', 'dataProcessingMethod', 'bizRules', 'microorganism', 'chemicalSubstance', 'uriValue'];
  return identifiers.includes(attribute) ? values.flatMap(identifierVariants) : values;
}

/** The fixed-name parameters answered from the document. */
export function documentConditions(query: Partial<QueryEventsDto>, params: Params): string[] {
  const where: string[] = [];
  for (const comparison of ['EQ', 'GT', 'GE', 'LT', 'LE'] as const) {
    const value = query[`${comparison}_quantity`];
    if (value === undefined) continue;
    const test =
      comparison === 'EQ'
        ? `jsonb_typeof(entry.value -> 'quantity') = 'number' AND (entry.value -> 'quantity')::numeric = ${params.add(value)}::numeric`
        : compared(`(entry.value -> 'quantity')`, comparison, String(value), params);
    where.push(someQuantity(test));
  }
  if (query.EXISTS_sensorElementList)
    where.push(`jsonb_typeof(e.document -> 'sensorElementList') = 'array' AND e.document -> 'sensorElementList' <> '[]'::jsonb`);
  for (const attribute of ['time', 'startTime', 'endTime'] as const) {
    for (const comparison of ['GE', 'LT'] as const) {
      const value = query[`${comparison}_${attribute}`];
      if (value !== undefined) where.push(sensorCompared(attribute, comparison, value, params));
    }
  }
  for (const comparison of ['GT', 'GE', 'LT', 'LE'] as const) {
    const value = query[`${comparison}_percRank`];
    if (value !== undefined) where.push(sensorCompared('percRank', comparison, String(value), params));
  }
  for (const attribute of [
    'type',
    'deviceID',
    'dataProcessingMethod',
    'microorganism',
    'chemicalSubstance',
    'bizRules',
    'stringValue',
    'hexBinaryValue',
    'uriValue',
  ] as const) {
    const values = query[`EQ_${attribute}`];
    if (values) where.push(sensorEquals(attribute, sensorValueForms(attribute, values), params));
  }
  if (query.EQ_booleanValue !== undefined) where.push(sensorEquals('booleanValue', [query.EQ_booleanValue], params));
  return where;
}

/**
 * An open-name parameter answered from the document (null when the name is not one of these):
 * `GE_value_CEL=20` (a sensor report in °C with a value of at least 20), `EQ_quantity_KGM=200`,
 * `EQ_ILMD_example:grade=A`, `EXISTS_INNER_example:note`. An extension field is matched by its name
 * as the query writes it (`prefix:name`), or in full (`{namespace}name`) when `namespaces` says
 * what the prefix stands for, or under any prefix the event's own context binds to that namespace.
 */
export function openNameCondition(name: string, values: string[], namespaces: Record<string, string>, params: Params): string | null {
  const measurement = MEASUREMENT_PARAMETER.exec(name);
  if (measurement) {
    const [, comparison, measured, unit] = measurement as unknown as [string, Comparison, string, string];
    const value = values[0]!;
    if (measured === 'quantity') {
      const sameUnit = `entry.value ->> 'uom' = ${params.add(unit)}`;
      const test =
        comparison === 'EQ'
          ? `jsonb_typeof(entry.value -> 'quantity') = 'number' AND (entry.value -> 'quantity')::numeric = ANY(${params.add(values)}::numeric[])`
          : compared(`(entry.value -> 'quantity')`, comparison, value, params);
      return someQuantity(`${sameUnit} AND ${test}`);
    }
    const path = `lax ${SENSOR_REPORTS} ? (@.uom == "${unit}").${measured}`;
    const test =
      comparison === 'EQ'
        ? `jsonb_typeof(found.value) = 'number' AND (found.value)::numeric = ANY(${params.add(values)}::numeric[])`
        : compared('found.value', comparison, value, params);
    return `(${HAS_SENSOR_DATA} AND ${somewhere(path, test, params)})`;
  }
  const field = FIELD_PARAMETER.exec(name);
  if (!field) return null;
  const [, comparison, inner, where = '', prefix, local] = field as unknown as [
    string,
    Comparison | 'EXISTS',
    string | undefined,
    string | undefined,
    string,
    string,
  ];
  if (comparison === 'EXISTS' && values.every((value) => value === 'false')) return null;
  const holder = FIELD_HOLDERS[where]!;
  const holders = inner ? inside(holder) : `lax ${holder}`;
  const namespace = namespaces[prefix];
  const names = [`${prefix}:${local}`, ...(namespace ? [`${namespace}${local}`] : [])];
  const sameField = namespace
    ? `(field.key = ANY(${params.add(names)}::text[]) OR (split_part(field.key, ':', 2) = ${params.add(local)} AND split_part(field.key, ':', 1) IN (
         SELECT bound.prefix FROM jsonb_array_elements(CASE jsonb_typeof(e.document -> '@context') WHEN 'array' THEN e.document -> '@context' ELSE '[]'::jsonb END) AS context(item),
                jsonb_each_text(CASE jsonb_typeof(context.item) WHEN 'object' THEN context.item ELSE '{}'::jsonb END) AS bound(prefix, iri)
          WHERE bound.iri = ${params.add(namespace)})))`
    : `field.key = ANY(${params.add(names)}::text[])`;
  const test =
    comparison === 'EXISTS'
      ? 'true'
      : comparison === 'EQ'
        ? equalsOneOf('field.value', values, params)
        : compared('field.value', comparison, values[0]!, params);
  return `EXISTS (SELECT 1 FROM jsonb_path_query(e.document - '@context', ${params.add(holders)}::jsonpath, '{}', true) AS holder(object),
                 jsonb_each(CASE jsonb_typeof(holder.object) WHEN 'object' THEN holder.object ELSE '{}'::jsonb END) AS field(key, value)
           WHERE ${sameField} AND ${test})`;
}
