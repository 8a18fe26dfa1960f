import {
  expandCurieValue,
  expandPropertyName,
  expandVocabularyValue,
  prefixesFromContext,
  type PrefixMap,
  type VocabularyKind,
} from './cbv-uris.js';
import { canonicalTimestamp, canonicalValue, compareCodePoints, formatNumber } from './canonical-values.js';

/**
 * The canonical pre-hash string of an EPCIS 2.0 event (CBV 2.0 §8.9 "EPCIS Event Hash ID"), written
 * to produce the same strings as the reference implementation
 * (github.com/RalphTro/epcis-event-hash-generator) for JSON-LD events:
 *
 * - `eventType=<type>`, then the standard fields in the canonical property order (FIELDS below),
 *   each as `name=value`, or `name` followed by its sub-fields for structures and lists;
 * - every other event-level property (ILMD, user extensions, and, as in the reference, the
 *   bizTransaction/source/destination lists) rendered on its own and appended in sorted order;
 * - inside a standard structure (readPoint, sensorReport, ...), properties that are not standard
 *   sub-fields (user extensions) follow that structure's own sub-fields, sorted;
 * - repeated values (list members, repeated properties) are sorted, by code point.
 */

export interface PreHashOptions {
  /**
   * Event-level properties to leave out of the hash on top of recordTime, eventID and
   * errorDeclaration: repository annotations such as a stored hash or capture id, as a document's
   * `ignoreFields` declaration lists them (compact `prefix:name` or expanded IRI).
   */
  readonly ignoreFields?: readonly string[];
}

interface LeafField {
  readonly kind: 'leaf';
  readonly name: string;
  readonly timestamp?: boolean;
  readonly vocabulary?: VocabularyKind;
}

interface StructureField {
  readonly kind: 'structure';
  /** Empty for list members written without a wrapper name (bizTransaction, source, destination entries). */
  readonly name: string;
  readonly fields: readonly Field[];
  /** The sub-fields' names: what else the structure holds is an extension. */
  readonly standard: ReadonlySet<string>;
}

interface ListField {
  readonly kind: 'list';
  readonly name: string;
  readonly member: Field;
}

type Field = LeafField | StructureField | ListField;

function leaf(name: string, options: { timestamp?: boolean; vocabulary?: VocabularyKind } = {}): LeafField {
  return { kind: 'leaf', name, ...options };
}

function structure(name: string, fields: readonly Field[]): StructureField {
  return { kind: 'structure', name, fields, standard: namesOf(fields) };
}

function namesOf(fields: readonly Field[]): ReadonlySet<string> {
  return new Set(fields.map((field) => field.name));
}

function list(name: string, member: Field): ListField {
  return { kind: 'list', name, member };
}

const EPC = leaf('epc');
const QUANTITY_ELEMENT = structure('quantityElement', [leaf('epcClass'), leaf('quantity'), leaf('uom')]);

const SENSOR_METADATA = structure('sensorMetadata', [
  leaf('time', { timestamp: true }),
  leaf('startTime', { timestamp: true }),
  leaf('endTime', { timestamp: true }),
  leaf('deviceID'),
  leaf('deviceMetadata'),
  leaf('rawData'),
  leaf('dataProcessingMethod'),
  leaf('bizRules'),
]);

const SENSOR_REPORT = structure('sensorReport', [
  leaf('type', { vocabulary: 'gs1' }),
  leaf('exception', { vocabulary: 'gs1' }),
  leaf('deviceID'),
  leaf('deviceMetadata'),
  leaf('rawData'),
  leaf('dataProcessingMethod'),
  leaf('time', { timestamp: true }),
  leaf('microorganism'),
  leaf('chemicalSubstance'),
  leaf('value'),
  leaf('component', { vocabulary: 'Comp' }),
  leaf('stringValue'),
  leaf('booleanValue'),
  leaf('hexBinaryValue'),
  leaf('uriValue'),
  leaf('minValue'),
  leaf('maxValue'),
  leaf('meanValue'),
  leaf('sDev'),
  leaf('percRank'),
  leaf('percValue'),
  leaf('uom'),
  leaf('coordinateReferenceSystem'),
]);

/** Canonical property order of the event-level standard fields (all event types). */
const FIELDS: readonly Field[] = [
  leaf('eventTime', { timestamp: true }),
  leaf('eventTimeZoneOffset'),
  leaf('certificationInfo'),
  list('epcList', EPC),
  leaf('parentID'),
  list('inputEPCList', EPC),
  list('childEPCs', EPC),
  list('quantityList', QUANTITY_ELEMENT),
  list('childQuantityList', QUANTITY_ELEMENT),
  list('inputQuantityList', QUANTITY_ELEMENT),
  list('outputEPCList', EPC),
  list('outputQuantityList', QUANTITY_ELEMENT),
  leaf('action'),
  leaf('transformationID'),
  leaf('bizStep', { vocabulary: 'BizStep' }),
  leaf('disposition', { vocabulary: 'Disp' }),
  structure('persistentDisposition', [leaf('set', { vocabulary: 'Disp' }), leaf('unset', { vocabulary: 'Disp' })]),
  structure('readPoint', [leaf('id')]),
  structure('bizLocation', [leaf('id')]),
  list('sensorElementList', structure('sensorElement', [SENSOR_METADATA, SENSOR_REPORT])),
];

/**
 * Standard lists that the reference renders with the trailing, sorted block of extensions rather
 * than at their place in the property order (so destinationList comes before sourceList, and ILMD
 * sorts between them). Their entries are written type first, then the identifier.
 */
const SORTED_WITH_EXTENSIONS: readonly Field[] = [
  list('bizTransactionList', structure('', [leaf('type', { vocabulary: 'BTT' }), leaf('bizTransaction')])),
  list('sourceList', structure('', [leaf('type', { vocabulary: 'SDT' }), leaf('source')])),
  list('destinationList', structure('', [leaf('type', { vocabulary: 'SDT' }), leaf('destination')])),
];

/** The event-level standard fields' names: the other properties are rendered generically. */
const EVENT_STANDARD = namesOf([...FIELDS, ...SORTED_WITH_EXTENSIONS]);

/** Event-level properties that are not part of the event's identity. */
const IGNORED_EVENT_PROPERTIES: readonly string[] = ['type', 'eventID', 'recordTime', 'errorDeclaration'];

const RDFS_COMMENT = '{http://www.w3.org/2000/01/rdf-schema#}comment';

interface Renderer {
  readonly prefixes: PrefixMap;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Array members (nested arrays flattened) or the value itself; null and undefined mean absent. */
function occurrences(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(occurrences);
  return [value];
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** JSON-LD bookkeeping and comments, which never take part in the hash (at any depth). */
function isAlwaysIgnored(key: string, renderer: Renderer): boolean {
  return (
    key === '@context' ||
    key === 'comment' ||
    key === 'rdfs:comment' ||
    key === '#text' ||
    expandPropertyName(key, renderer.prefixes) === RDFS_COMMENT
  );
}

function joinSorted(pieces: string[]): string {
  return pieces.sort(compareCodePoints).join('');
}

/**
 * A property outside the standard fields (user extension, ILMD content, unknown field): its
 * expanded name, `=value` for a non-empty value, and for an object its own properties rendered the
 * same way and sorted. One piece per occurrence of the property.
 */
function renderGeneric(name: string, value: unknown, renderer: Renderer): string[] {
  return occurrences(value).map((occurrence) => {
    if (isRecord(occurrence)) {
      const children = Object.entries(occurrence)
        .filter(([key]) => !isAlwaysIgnored(key, renderer))
        .flatMap(([key, child]) => renderGeneric(expandPropertyName(key, renderer.prefixes), child, renderer));
      return name + joinSorted(children);
    }
    const text = expandCurieValue(scalarText(occurrence).trim(), renderer.prefixes);
    return text === '' ? name : `${name}=${canonicalValue(text)}`;
  });
}

function renderLeaf(field: LeafField, value: unknown, renderer: Renderer): string[] {
  return occurrences(value).flatMap((occurrence) => {
    if (isRecord(occurrence)) return renderGeneric(field.name, occurrence, renderer);
    let text = scalarText(occurrence).trim();
    if (text === '') return [];
    text = field.vocabulary ? expandVocabularyValue(text, field.vocabulary, renderer.prefixes) : expandCurieValue(text, renderer.prefixes);
    return [`${field.name}=${field.timestamp ? canonicalTimestamp(text) : canonicalValue(text)}`];
  });
}

/** One piece per occurrence of `field` in `value`, each starting with the field name. */
function renderField(field: Field, value: unknown, renderer: Renderer): string[] {
  switch (field.kind) {
    case 'leaf':
      return renderLeaf(field, value, renderer);
    case 'structure':
      return occurrences(value).flatMap((occurrence) => {
        if (!isRecord(occurrence)) return renderGeneric(field.name, occurrence, renderer);
        const content = renderProperties(occurrence, field.fields, [], field.standard, renderer, () => false);
        return content === '' ? [] : [field.name + content];
      });
    case 'list': {
      const members = occurrences(value).flatMap((member) => renderField(field.member, member, renderer));
      return members.length === 0 ? [] : [field.name + joinSorted(members)];
    }
  }
}

/**
 * The standard `fields` of `object` in order, then everything else (the `sortedWithRest` fields
 * and all non-standard properties, those not in `standard`) as one sorted block.
 */
function renderProperties(
  object: Record<string, unknown>,
  fields: readonly Field[],
  sortedWithRest: readonly Field[],
  standard: ReadonlySet<string>,
  renderer: Renderer,
  isIgnored: (key: string) => boolean,
): string {
  let text = '';
  for (const field of fields) text += joinSorted(renderField(field, object[field.name], renderer));
  const rest = sortedWithRest.flatMap((field) => renderField(field, object[field.name], renderer));
  for (const [key, value] of Object.entries(object)) {
    if (standard.has(key) || isIgnored(key) || isAlwaysIgnored(key, renderer)) continue;
    rest.push(...renderGeneric(expandPropertyName(key, renderer.prefixes), value, renderer));
  }
  return text + joinSorted(rest);
}

/** See event-hash.ts, eventPreHash. */
export function computePreHash(event: Record<string, unknown>, context?: unknown, options: PreHashOptions = {}): string {
  const type = event['type'];
  if (typeof type !== 'string' || type.trim() === '') {
    throw new TypeError('EPCIS event hash: the event has no "type" (ObjectEvent, AggregationEvent, ...)');
  }
  const renderer: Renderer = { prefixes: prefixesFromContext(event['@context'], documentPrefixes(context)) };
  // Compare names as full IRIs, so `example:hash`, `{https://ns.example.com/epcis/}hash` and
  // `https://ns.example.com/epcis/hash` all name the same property; a bare name is itself.
  const iri = (name: string): string =>
    name.includes(':') || name.startsWith('{') ? expandPropertyName(name, renderer.prefixes).replace(/^\{([^}]*)\}/, '$1') : name;
  const ignored = new Set([...IGNORED_EVENT_PROPERTIES, ...(options.ignoreFields ?? [])].map(iri));
  const isIgnored = (key: string): boolean => ignored.has(iri(key));
  return `eventType=${type.trim()}${renderProperties(event, FIELDS, SORTED_WITH_EXTENSIONS, EVENT_STANDARD, renderer, isIgnored)}`;
}

/** Prefix maps of documents' contexts, each read once: a document's events share it (the portal's all share one). */
const contextPrefixes = new WeakMap<object, PrefixMap>();

function documentPrefixes(context: unknown): PrefixMap {
  if (typeof context !== 'object' || context === null) return prefixesFromContext(context);
  let prefixes = contextPrefixes.get(context);
  if (!prefixes) contextPrefixes.set(context, (prefixes = prefixesFromContext(context)));
  return prefixes;
}
