import { PORTAL_EVENT_CONTEXT } from '../events/epcis-event.builder.js';
import { NGUON_NAMESPACE } from '../events/portal-extensions.js';

/** The EPCIS 2.0 JSON-LD context plus the portal's `nguon` prefix, which its own events use. */
export const EPCIS_DOCUMENT_CONTEXT = PORTAL_EVENT_CONTEXT;

/**
 * The headers of the EPCIS 2.0 REST binding that every `/epcis` answer carries: the versions
 * spoken (only 2.0 of EPCIS and CBV) and the portal's extension namespace.
 */
export const EPCIS_VERSION_HEADERS: Readonly<Record<string, string>> = {
  'GS1-EPCIS-Version': '2.0.0',
  'GS1-EPCIS-Min': '2.0.0',
  'GS1-EPCIS-Max': '2.0.0',
  'GS1-CBV-Version': '2.0.0',
  'GS1-CBV-Min': '2.0.0',
  'GS1-CBV-Max': '2.0.0',
  'GS1-Extensions': `nguon=${NGUON_NAMESPACE}`,
};

/** An EPCIS event as it leaves the portal: as captured, with the record time the portal gave it. */
export type EpcisEvent = Record<string, unknown>;

export interface EpcisQueryDocument {
  '@context': unknown[];
  type: 'EPCISQueryDocument';
  schemaVersion: '2.0';
  creationDate: string;
  epcisBody: { queryResults: { queryName: 'SimpleEventQuery'; subscriptionID?: string; resultsBody: { eventList: EpcisEvent[] } } };
}

export interface EpcisDocument {
  '@context': unknown[];
  type: 'EPCISDocument';
  schemaVersion: '2.0';
  creationDate: string;
  epcisBody: { eventList: EpcisEvent[] };
}

/** A discovery list (`/epcis/eventTypes`, `/epcis/bizSteps`, ...): JSON-LD `Collection`. */
export interface EpcisCollection {
  '@context': unknown[];
  type: 'Collection';
  member: string[];
}

/** A body with the headers that go with it (a `Link` to the next page, the EPC format used). */
export class EpcisReply<T> {
  constructor(
    readonly body: T,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** The stored event with its record time, which the portal sets (a client's own is replaced). */
export function withRecordTime(document: Record<string, unknown>, recordTime: Date): EpcisEvent {
  return { ...document, recordTime: recordTime.toISOString() };
}

/** The events as a query's result; a subscription's document names the subscription. */
export function queryDocument(events: EpcisEvent[], subscriptionID?: string, now = new Date()): EpcisQueryDocument {
  return {
    '@context': EPCIS_DOCUMENT_CONTEXT,
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    creationDate: now.toISOString(),
    epcisBody: {
      queryResults: { queryName: 'SimpleEventQuery', ...(subscriptionID ? { subscriptionID } : {}), resultsBody: { eventList: events } },
    },
  };
}

export function epcisDocument(events: EpcisEvent[], now = new Date()): EpcisDocument {
  return {
    '@context': EPCIS_DOCUMENT_CONTEXT,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: now.toISOString(),
    epcisBody: { eventList: events },
  };
}

export function collection(member: string[]): EpcisCollection {
  return { '@context': EPCIS_DOCUMENT_CONTEXT, type: 'Collection', member };
}

/** The headers of a page with a next one: `Link: <url>; rel="next"` and until when its token may be used. */
export function nextPageHeaders(url: string, expiresAt: Date): Record<string, string> {
  return { Link: `<${url}>; rel="next"`, 'GS1-Next-Page-Token-Expires': expiresAt.toISOString() };
}
