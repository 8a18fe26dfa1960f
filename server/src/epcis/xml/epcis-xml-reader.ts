import type { Element } from '@xmldom/xmldom';
import { bareCbv } from './cbv-urns.js';
import {
  EPCIS_QUERY_XML_NAMESPACES,
  EPCIS_XML_NAMESPACES,
  EVENT_FIELDS,
  QUANTITY_LISTS,
  SENSOR_NUMBERS,
  TEXT_LISTS,
  TYPED_LISTS,
  XSI_NAMESPACE,
} from './epcis-xml-shape.js';
import { childElements, parseXml, textOf, XmlProblem } from './xml-document.js';
import { XmlNamespaces } from './xml-namespaces.js';

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/** EPCIS 1.x wrappers (and 2.0's TransformationEvent of 1.x documents): their contents count as written in their parent. */
const WRAPPERS = new Set(['extension', 'baseExtension']);
/** Elements that may repeat and are always lists in JSON-LD. */
const REPEATED = new Set(['sensorReport', 'set', 'unset']);

/** An element's name without its prefix. */
const nameOf = (element: Element) => element.localName ?? element.tagName;

const STANDARD_NAMESPACES = [...EPCIS_XML_NAMESPACES, ...EPCIS_QUERY_XML_NAMESPACES];
const isStandard = (element: Element) => !element.namespaceURI || STANDARD_NAMESPACES.includes(element.namespaceURI);

/** Children, with the contents of 1.x wrappers in their place. */
function fieldsOf(element: Element): Element[] {
  return childElements(element).flatMap((child) => (isStandard(child) && WRAPPERS.has(nameOf(child)) ? fieldsOf(child) : [child]));
}

function only(element: Element, name: string): Element | undefined {
  return childElements(element).find((child) => isStandard(child) && nameOf(child) === name);
}

/**
 * An EPCIS document in XML (EPCIS 2.0, or 1.2 and 1.1 as most ERPs still write it) as the EPCIS
 * 2.0 JSON-LD document it stands for: the form capture, hashing and storage know, so an event
 * sent as XML and as JSON-LD is the same event with the same eventID. Extensions keep their
 * namespaces as JSON-LD prefixes; what is not EPCIS is left for GS1's schema to refuse, with
 * its place in the document named (decision record 0022).
 */
export function readEpcisXml(text: string): Record<string, unknown> {
  // A byte order mark is not content (xmldom would call it text outside the root).
  const root = parseXml(text.replace(/^\uFEFF/, ''));
  const list = eventListOf(root);
  const namespaces = new XmlNamespaces();
  declareNamespaces(root, namespaces);
  const events = list ? fieldsOf(list).map((event) => readEvent(event, namespaces)) : [];
  const creationDate = root.getAttribute('creationDate');
  return {
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    ...(creationDate ? { creationDate } : {}),
    ...readDocumentExtensions(root, namespaces),
    epcisBody: { eventList: events },
    // Last: the reading above declares the extension namespaces.
    '@context': [EPCIS_CONTEXT, ...namespaces.context()],
  };
}

/**
 * The EventList of an EPCISDocument, or of an EPCISQueryDocument's results (the binding captures
 * both; its events are the document's), or none in a document without events.
 */
function eventListOf(root: Element): Element | undefined {
  const name = nameOf(root);
  if (name === 'EPCISDocument' && EPCIS_XML_NAMESPACES.includes(root.namespaceURI ?? '')) {
    const body = only(root, 'EPCISBody');
    return body && only(body, 'EventList');
  }
  if (name === 'EPCISQueryDocument' && EPCIS_QUERY_XML_NAMESPACES.includes(root.namespaceURI ?? '')) {
    const body = only(root, 'EPCISBody');
    const results = (body && only(body, 'QueryResults')) ?? root;
    const resultsBody = only(results, 'resultsBody');
    return resultsBody && only(resultsBody, 'EventList');
  }
  throw new XmlProblem(
    `the root element must be an EPCISDocument of namespace ${EPCIS_XML_NAMESPACES[0]} (or :1), or an EPCISQueryDocument, not <${root.tagName}>`,
  );
}

/** Namespaces beside XML's and EPCIS's own that `xmlns:` declares on any element. */
const NOT_DECLARED = new Set([
  XMLNS,
  XSI_NAMESPACE,
  'http://www.w3.org/2001/XMLSchema',
  ...EPCIS_QUERY_XML_NAMESPACES,
  ...EPCIS_XML_NAMESPACES,
]);

function declareNamespaces(root: Element, namespaces: XmlNamespaces): void {
  for (const element of [root, ...Array.from(root.getElementsByTagName('*'))]) {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.prefix === 'xmlns' && !NOT_DECLARED.has(attribute.value))
        namespaces.declare(attribute.value, attribute.localName ?? attribute.name);
    }
  }
}

/**
 * The document's own extensions. A repository's `ignoreFields` lists fields to leave out of event
 * hashes as empty elements (`<example:captureID/>`); JSON-LD lists their names.
 */
function readDocumentExtensions(root: Element, namespaces: XmlNamespaces): Record<string, unknown> {
  const extensions: Record<string, unknown> = {};
  for (const element of childElements(root).filter((child) => !isStandard(child))) {
    const key = qualifiedName(element, namespaces);
    extensions[key] =
      nameOf(element) === 'ignoreFields'
        ? childElements(element).map((field) => (field.namespaceURI ? qualifiedName(field, namespaces) : nameOf(field)))
        : readExtension(element, namespaces);
  }
  return extensions;
}

function readEvent(element: Element, namespaces: XmlNamespaces): Record<string, unknown> {
  if (!isStandard(element) || !Object.hasOwn(EVENT_FIELDS, nameOf(element))) {
    throw new XmlProblem(`<${element.tagName}> in the EventList is not an EPCIS event (${Object.keys(EVENT_FIELDS).join(', ')})`);
  }
  return { type: nameOf(element), ...readObject(element, namespaces) };
}

/** An element's fields as a JSON-LD object: standard fields by their rules, extensions by prefix. */
function readObject(element: Element, namespaces: XmlNamespaces): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const field of fieldsOf(element)) {
    const standard = isStandard(field);
    const key = standard ? nameOf(field) : qualifiedName(field, namespaces);
    const value = standard ? readField(field, namespaces) : readExtension(field, namespaces);
    add(object, key, value, standard && REPEATED.has(key));
  }
  return object;
}

/** Lists made here from a repeated name: a third value joins them rather than nesting. */
const madeLists = new WeakSet<unknown[]>();

/** A repeated name becomes a list, as in JSON-LD; some names are lists even once. */
function add(object: Record<string, unknown>, key: string, value: unknown, alwaysList = false): void {
  const present = object[key];
  if (Array.isArray(present) && madeLists.has(present)) present.push(value);
  else {
    const list = present === undefined ? (alwaysList ? [value] : undefined) : [present, value];
    if (list) madeLists.add(list);
    object[key] = list ?? value;
  }
}

function readField(field: Element, namespaces: XmlNamespaces): unknown {
  const name = nameOf(field);
  if (Object.hasOwn(TEXT_LISTS, name)) return childElements(field).map(textOf);
  if (QUANTITY_LISTS.has(name)) return childElements(field).map(readQuantity);
  if (Object.hasOwn(TYPED_LISTS, name)) return childElements(field).map(readTyped);
  if (name === 'sensorElementList') return childElements(field).map((element) => readObject(element, namespaces));
  if (name === 'sensorMetadata' || name === 'sensorReport') return readSensorAttributes(field, namespaces);
  if (name === 'ilmd') return readObject(field, namespaces);
  return childElements(field).length ? readObject(field, namespaces) : bareCbv(name, textOf(field));
}

function readQuantity(element: Element): Record<string, unknown> {
  const quantity: Record<string, unknown> = {};
  for (const field of childElements(element)) {
    if (nameOf(field) === 'quantity') {
      // `xsi:nil` is XML's way of leaving the quantity out.
      if (field.getAttributeNS(XSI_NAMESPACE, 'nil') !== 'true') quantity.quantity = Number(textOf(field));
    } else quantity[nameOf(field)] = textOf(field);
  }
  return quantity;
}

function readTyped(element: Element): Record<string, unknown> {
  const type = element.getAttribute('type');
  const name = nameOf(element);
  return { ...(type ? { type: bareCbv(name, type) } : {}), [name]: textOf(element) };
}

/** Sensor metadata and reports are attributes in XML and properties in JSON-LD, numbers as numbers. */
function readSensorAttributes(element: Element, namespaces: XmlNamespaces): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const attribute of Array.from(element.attributes)) {
    if (attribute.namespaceURI === XMLNS || attribute.name === 'xmlns') continue;
    const key = attribute.namespaceURI
      ? namespaces.qualified(attribute.namespaceURI, attribute.prefix, attribute.localName ?? attribute.name)
      : attribute.name;
    const text = attribute.value;
    if (SENSOR_NUMBERS.has(key) && text.trim() !== '' && Number.isFinite(Number(text))) object[key] = Number(text);
    else if (key === 'booleanValue' && (text === 'true' || text === 'false')) object[key] = text === 'true';
    // The measurement types are gs1: terms, which the JSON-LD context names without their prefix.
    else if (key === 'type' && text.startsWith('gs1:')) object[key] = text.slice('gs1:'.length);
    else object[key] = text;
  }
  return object;
}

function qualifiedName(element: Element, namespaces: XmlNamespaces): string {
  return namespaces.qualified(element.namespaceURI!, element.prefix, nameOf(element));
}

/**
 * A user extension: its text, or an object of its children (a repeated name a list). Attributes
 * other than namespace and xsi ones become properties too, the text then under `#text`, so
 * nothing a partner sent is dropped.
 */
function readExtension(element: Element, namespaces: XmlNamespaces): unknown {
  const attributes = Array.from(element.attributes).filter(
    (attribute) => attribute.namespaceURI !== XMLNS && attribute.name !== 'xmlns' && attribute.namespaceURI !== XSI_NAMESPACE,
  );
  const children = childElements(element);
  if (!children.length && !attributes.length) return textOf(element);
  const object: Record<string, unknown> = {};
  for (const attribute of attributes) {
    const key = attribute.namespaceURI
      ? namespaces.qualified(attribute.namespaceURI, attribute.prefix, attribute.localName ?? attribute.name)
      : attribute.name;
    object[key] = attribute.value;
  }
  for (const child of children) {
    const key = child.namespaceURI ? qualifiedName(child, namespaces) : nameOf(child);
    add(object, key, readExtension(child, namespaces));
  }
  if (!children.length && textOf(element)) object['#text'] = textOf(element);
  return object;
}
