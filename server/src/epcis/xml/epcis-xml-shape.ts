/** What EPCIS XML looks like where it differs from JSON-LD: read by the XML reader, written by the writer. */

/** EPCIS 2.0's namespace first, then 1.x's, which documents of EPCIS 1.2 and 1.1 use. */
export const EPCIS_XML_NAMESPACES = ['urn:epcglobal:epcis:xsd:2', 'urn:epcglobal:epcis:xsd:1'];
/** The query results' namespace, 2.0's first: an EPCISQueryDocument may be captured too. */
export const EPCIS_QUERY_XML_NAMESPACES = ['urn:epcglobal:epcis-query:xsd:2', 'urn:epcglobal:epcis-query:xsd:1'];
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** Lists of plain texts and the element of each item: `<epcList><epc>…</epc></epcList>` is `"epcList": ["…"]`. */
export const TEXT_LISTS: Readonly<Record<string, string>> = {
  epcList: 'epc',
  childEPCs: 'epc',
  inputEPCList: 'epc',
  outputEPCList: 'epc',
  correctiveEventIDs: 'correctiveEventID',
};
export const QUANTITY_LISTS = new Set(['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']);
/** Lists of typed values, the type an attribute in XML: `<source type="…">…</source>` is `{"type": "…", "source": "…"}`. */
export const TYPED_LISTS: Readonly<Record<string, string>> = {
  bizTransactionList: 'bizTransaction',
  sourceList: 'source',
  destinationList: 'destination',
};
/** Sensor attributes that are numbers in JSON-LD. */
export const SENSOR_NUMBERS = new Set(['value', 'minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue']);

const BASE = ['eventTime', 'recordTime', 'eventTimeZoneOffset', 'eventID', 'errorDeclaration', 'certificationInfo'];
const WHERE = ['readPoint', 'bizLocation'];
const TRAIL = ['sourceList', 'destinationList', 'sensorElementList', 'persistentDisposition'];

/** Each event type's standard fields in the order of the EPCIS 2.0 XSD; user extensions follow them. */
export const EVENT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  ObjectEvent: [...BASE, 'epcList', 'action', 'bizStep', 'disposition', ...WHERE, 'bizTransactionList', 'quantityList', ...TRAIL, 'ilmd'],
  AggregationEvent: [
    ...BASE,
    'parentID',
    'childEPCs',
    'action',
    'bizStep',
    'disposition',
    ...WHERE,
    'bizTransactionList',
    'childQuantityList',
    ...TRAIL,
  ],
  TransactionEvent: [
    ...BASE,
    'bizTransactionList',
    'parentID',
    'epcList',
    'action',
    'bizStep',
    'disposition',
    ...WHERE,
    'quantityList',
    ...TRAIL,
  ],
  TransformationEvent: [
    ...BASE,
    'inputEPCList',
    'inputQuantityList',
    'outputEPCList',
    'outputQuantityList',
    'transformationID',
    'bizStep',
    'disposition',
    ...WHERE,
    'bizTransactionList',
    ...TRAIL,
    'ilmd',
  ],
  AssociationEvent: [
    ...BASE,
    'parentID',
    'childEPCs',
    'childQuantityList',
    'action',
    'bizStep',
    'disposition',
    ...WHERE,
    'bizTransactionList',
    ...TRAIL,
  ],
};
