import { prefixesFromContext, type PrefixMap } from '@nguon/shared';
import { cbvUrn } from './cbv-urns.js';
import {
  EPCIS_QUERY_XML_NAMESPACES,
  EPCIS_XML_NAMESPACES,
  EVENT_FIELDS,
  QUANTITY_LISTS,
  TEXT_LISTS,
  TYPED_LISTS,
} from './epcis-xml-shape.js';

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');
const textOf = (value: unknown) => (typeof value === 'string' ? value : String(value));
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `<name attributes>children</name>`, or `<name attributes/>` when empty. */
function element(name: string, children: string, attributes = ''): string {
  return children === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${children}</${name}>`;
}

/** The prefixes an event's extension names use, declared on the event from its contexts. */
class UsedPrefixes {
  private readonly used = new Set<string>();
  constructor(private readonly prefixes: PrefixMap) {}

  /** A `prefix:local` name, noting its prefix. */
  name(key: string): string {
    this.used.add(key.slice(0, key.indexOf(':')));
    return key;
  }

  /**
   * A measurement type or component, which JSON-LD reads as a term: a bare type is a gs1: term (a
   * bare component, a CBV one, stays bare); a CURIE's prefix is declared, so that reading the XML
   * back means the same term.
   */
  term(key: string, value: string): string {
    if (!value.includes(':')) return key === 'type' ? this.name(`gs1:${value}`) : value;
    const prefix = value.slice(0, value.indexOf(':'));
    return this.prefixes.has(prefix) && !value.includes('://') ? this.name(value) : value;
  }

  declarations(): string {
    // A prefix no context declares is, as JSON-LD reads it, an IRI scheme: its namespace is `prefix:`.
    return [...this.used].map((prefix) => ` xmlns:${prefix}="${escapeAttribute(this.prefixes.get(prefix) ?? `${prefix}:`)}"`).join('');
  }
}

/**
 * One event of the portal (EPCIS 2.0 JSON-LD, as stored) as EPCIS 2.0 XML: the reverse of
 * readEpcisXml, so the XML reads back into the same event with the same eventID. Standard fields
 * in the XSD's order, CBV words as their URNs, extensions in their namespaces (declared on the
 * event, from its own `@context` on top of the document's).
 */
export function epcisEventXml(event: Record<string, unknown>, documentContext: unknown): string {
  const type = String(event.type);
  const prefixes = new UsedPrefixes(prefixesFromContext(event['@context'], prefixesFromContext(documentContext)));
  const standard = EVENT_FIELDS[type] ?? [];
  const fields = standard.filter((field) => event[field] !== undefined).map((field) => writeField(field, event[field], prefixes));
  const extensions = Object.entries(event)
    .filter(([key]) => key.includes(':'))
    .map(([key, value]) => writeExtension(prefixes.name(key), value, prefixes));
  return element(type, [...fields, ...extensions].join(''), prefixes.declarations());
}

function writeField(field: string, value: unknown, prefixes: UsedPrefixes): string {
  if (Object.hasOwn(TEXT_LISTS, field)) {
    return element(field, (value as unknown[]).map((item) => element(TEXT_LISTS[field]!, escapeText(textOf(item)))).join(''));
  }
  if (QUANTITY_LISTS.has(field)) return element(field, (value as Record<string, unknown>[]).map(writeQuantity).join(''));
  if (Object.hasOwn(TYPED_LISTS, field)) {
    const item = TYPED_LISTS[field]!;
    return element(field, (value as Record<string, unknown>[]).map((entry) => writeTyped(item, entry)).join(''));
  }
  if (field === 'sensorElementList')
    return element(field, (value as unknown[]).map((sensor) => writeSensorElement(sensor, prefixes)).join(''));
  if (field === 'persistentDisposition') {
    const { set = [], unset = [] } = value as { set?: string[]; unset?: string[] };
    const words = (name: 'set' | 'unset', list: string[]) => list.map((word) => element(name, escapeText(cbvUrn(name, word))));
    return element(field, [...words('unset', unset), ...words('set', set)].join(''));
  }
  if (field === 'errorDeclaration')
    return element(field, writeObject(value as Record<string, unknown>, ['declarationTime', 'reason', 'correctiveEventIDs'], prefixes));
  if (field === 'readPoint' || field === 'bizLocation')
    return element(field, writeObject(value as Record<string, unknown>, ['id'], prefixes));
  if (field === 'ilmd') return element(field, writeObject(value as Record<string, unknown>, [], prefixes));
  // certificationInfo may be a list: one element each.
  if (Array.isArray(value)) return value.map((item) => element(field, escapeText(textOf(item)))).join('');
  return element(field, escapeText(cbvUrn(field, textOf(value))));
}

/** Standard fields in the given order, then the extensions. */
function writeObject(object: Record<string, unknown>, standard: string[], prefixes: UsedPrefixes): string {
  const fields = standard.filter((field) => object[field] !== undefined).map((field) => writeField(field, object[field], prefixes));
  const extensions = Object.entries(object)
    .filter(([key]) => key.includes(':'))
    .map(([key, value]) => writeExtension(prefixes.name(key), value, prefixes));
  return [...fields, ...extensions].join('');
}

function writeQuantity(quantity: Record<string, unknown>): string {
  const parts = [element('epcClass', escapeText(textOf(quantity.epcClass)))];
  if (quantity.quantity !== undefined) parts.push(element('quantity', textOf(quantity.quantity)));
  if (quantity.uom !== undefined) parts.push(element('uom', escapeText(textOf(quantity.uom))));
  return element('quantityElement', parts.join(''));
}

function writeTyped(item: string, entry: Record<string, unknown>): string {
  const type = entry.type === undefined ? '' : ` type="${escapeAttribute(cbvUrn(item, textOf(entry.type)))}"`;
  return element(item, escapeText(textOf(entry[item])), type);
}

function writeSensorElement(sensor: unknown, prefixes: UsedPrefixes): string {
  const { sensorMetadata, sensorReport = [], ...extensions } = sensor as Record<string, unknown>;
  const parts = sensorMetadata
    ? [element('sensorMetadata', '', sensorAttributes(sensorMetadata as Record<string, unknown>, prefixes))]
    : [];
  for (const report of sensorReport as Record<string, unknown>[])
    parts.push(element('sensorReport', '', sensorAttributes(report, prefixes)));
  for (const [key, value] of Object.entries(extensions)) parts.push(writeExtension(prefixes.name(key), value, prefixes));
  return element('sensorElement', parts.join(''));
}

/** Sensor properties as XML attributes; a measurement type named by its bare word is a gs1: term. */
function sensorAttributes(properties: Record<string, unknown>, prefixes: UsedPrefixes): string {
  return Object.entries(properties)
    .map(([key, value]) => {
      const name = key.includes(':') ? prefixes.name(key) : key;
      const text = typeof value === 'string' && (key === 'type' || key === 'component') ? prefixes.term(key, value) : textOf(value);
      return ` ${name}="${escapeAttribute(text)}"`;
    })
    .join('');
}

/** A user extension: text, repeated elements for a list, children for an object (plain-named strings as attributes, `#text` as text). */
function writeExtension(name: string, value: unknown, prefixes: UsedPrefixes): string {
  if (Array.isArray(value)) return value.map((item) => writeExtension(name, item, prefixes)).join('');
  if (!isRecord(value)) return element(name, escapeText(textOf(value)));
  let attributes = '';
  const children: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (key === '#text') children.push(escapeText(textOf(item)));
    else if (!key.includes(':') && !isRecord(item) && !Array.isArray(item)) attributes += ` ${key}="${escapeAttribute(textOf(item))}"`;
    else children.push(writeExtension(key.includes(':') ? prefixes.name(key) : key, item, prefixes));
  }
  return element(name, children.join(''), attributes);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
const EPCIS_NAMESPACE = EPCIS_XML_NAMESPACES[0]!;

/** An EPCISDocument's opening, up to its events, and its close: a stream writes the events between. */
export function epcisDocumentXmlParts(creationDate: string): { head: string; tail: string } {
  return {
    head: `${XML_DECLARATION}<epcis:EPCISDocument xmlns:epcis="${EPCIS_NAMESPACE}" schemaVersion="2.0" creationDate="${creationDate}"><EPCISBody><EventList>`,
    tail: '</EventList></EPCISBody></epcis:EPCISDocument>\n',
  };
}

/** An EPCISDocument as EPCIS 2.0 XML. */
export function epcisDocumentXml(document: {
  '@context': unknown;
  creationDate: string;
  epcisBody: { eventList: Record<string, unknown>[] };
}): string {
  const { head, tail } = epcisDocumentXmlParts(document.creationDate);
  return `${head}${document.epcisBody.eventList.map((event) => epcisEventXml(event, document['@context'])).join('')}${tail}`;
}

/** An EPCISQueryDocument (the answer of a query) as EPCIS 2.0 XML. */
export function epcisQueryDocumentXml(document: {
  '@context': unknown;
  creationDate: string;
  epcisBody: { queryResults: { queryName: string; resultsBody: { eventList: Record<string, unknown>[] } } };
}): string {
  const { queryName, resultsBody } = document.epcisBody.queryResults;
  const events = resultsBody.eventList.map((event) => epcisEventXml(event, document['@context'])).join('');
  return (
    `${XML_DECLARATION}<epcisq:EPCISQueryDocument xmlns:epcisq="${EPCIS_QUERY_XML_NAMESPACES[0]}" xmlns:epcis="${EPCIS_NAMESPACE}" schemaVersion="2.0" creationDate="${document.creationDate}">` +
    `<EPCISBody><epcisq:QueryResults>${element('queryName', escapeText(queryName))}<resultsBody><EventList>${events}</EventList></resultsBody></epcisq:QueryResults></EPCISBody></epcisq:EPCISQueryDocument>\n`
  );
}
