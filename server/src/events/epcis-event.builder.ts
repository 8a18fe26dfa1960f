import { STAGES, type CbvDisposition, type Stage, type UnitCode } from '@nguon/shared';
import { eventHashId } from './event-hash-id.js';
import { EXT, NGUON_NAMESPACE } from './portal-extensions.js';

/** The JSON-LD context of the portal's events: the EPCIS 2.0 context plus the `nguon` prefix. */
export const PORTAL_EVENT_CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { nguon: NGUON_NAMESPACE }];

export interface QuantityElement {
  epcClass: string;
  quantity?: number;
  uom?: UnitCode;
}

/** Everything an EPCIS event built by the portal's forms can say. */
export interface StageEventInput {
  stage: Stage;
  eventTime: string;
  eventTimeZoneOffset: string;
  /** ObjectEvent subjects, or TransformationEvent outputs. */
  quantities: QuantityElement[];
  /** TransformationEvent inputs. */
  inputs?: QuantityElement[];
  location?: string;
  sourceParty?: string;
  destinationParty?: string;
  sourceName?: string;
  destinationName?: string;
  bizTransactions?: { type: string; id: string }[];
  passed?: boolean;
  /** Instead of the stage's own disposition: a receipt of fewer or damaged goods (`mismatch_quantity`, `damaged`). */
  disposition?: CbvDisposition;
  /** Inspecting: the lab, and where its result documents are (EPCIS certificationInfo). */
  lab?: string;
  certificationInfo?: string[];
  /** Receiving: the eventID of the shipment it confirms. */
  shipment?: string;
  note?: string;
  ilmd?: Record<string, string>;
}

/**
 * Lot master data of a new batch, as EPCIS `ilmd` (on its commissioning or the processing that
 * made it): a batch's registration (batches/) and processing's new outputs write it alike.
 */
export function ilmdOf(lot: { productionDate: string; expiryDate: string | null; bestBeforeDate: string | null }): Record<string, string> {
  const ilmd: Record<string, string> = { [EXT.productionDate]: lot.productionDate };
  if (lot.expiryDate) ilmd['cbvmda:itemExpirationDate'] = lot.expiryDate;
  if (lot.bestBeforeDate) ilmd['cbvmda:bestBeforeDate'] = lot.bestBeforeDate;
  return ilmd;
}

function quantityList(elements: QuantityElement[]): Record<string, unknown>[] {
  return elements.map((q) => ({
    epcClass: q.epcClass,
    ...(q.quantity !== undefined ? { quantity: q.quantity } : {}),
    ...(q.quantity !== undefined && q.uom ? { uom: q.uom } : {}),
  }));
}

/** Builds the EPCIS 2.0 event (JSON-LD, CBV bare words) that a stage form records. */
export function buildStageEvent(input: StageEventInput): Record<string, unknown> {
  const stage = STAGES[input.stage];
  const disposition = input.disposition ?? (input.stage === 'inspecting' && input.passed === false ? 'non_conformant' : stage.disposition);
  const event: Record<string, unknown> = {
    type: stage.eventType,
    eventTime: input.eventTime,
    eventTimeZoneOffset: input.eventTimeZoneOffset,
  };
  if (stage.eventType === 'TransformationEvent') {
    event.inputQuantityList = quantityList(input.inputs ?? []);
    event.outputQuantityList = quantityList(input.quantities);
  } else {
    event.epcList = [];
    event.action = stage.action;
    event.quantityList = quantityList(input.quantities);
  }
  event.bizStep = stage.bizStep;
  event.disposition = disposition;
  if (input.location) {
    event.readPoint = { id: input.location };
    event.bizLocation = { id: input.location };
  }
  if (input.bizTransactions?.length) {
    event.bizTransactionList = input.bizTransactions.map((t) => ({
      type: t.type,
      bizTransaction: `urn:nguon:doc:${t.type}:${encodeURIComponent(t.id)}`,
    }));
  }
  if (input.sourceParty) event.sourceList = [{ type: 'owning_party', source: input.sourceParty }];
  if (input.destinationParty) event.destinationList = [{ type: 'owning_party', destination: input.destinationParty }];
  if (input.ilmd) event.ilmd = input.ilmd;
  if (input.certificationInfo?.length) event.certificationInfo = input.certificationInfo;
  if (input.lab) event[EXT.lab] = input.lab;
  if (input.shipment) event[EXT.shipment] = input.shipment;
  if (input.sourceName) event[EXT.sourceName] = input.sourceName;
  if (input.destinationName) event[EXT.destinationName] = input.destinationName;
  if (input.note) event[EXT.note] = input.note;
  // The canonical GS1 event hash: the same event recorded twice is recognised as the same.
  return { eventID: eventHashId(event, PORTAL_EVENT_CONTEXT), ...event };
}

/** A document's number in the portal's form (`urn:nguon:doc:{type}:{id}`) or CBV's (`urn:epcglobal:cbv:bt:{GLN}:{id}`). */
const DOCUMENT_ID = /^(?:urn:nguon:doc:[^:]+|urn:epcglobal:cbv:bt:\d{13}):(.+)$/;
/** A CBV business transaction type written in full (`urn:epcglobal:cbv:btt:desadv`, `https://ref.gs1.org/cbv/BTT-desadv`). */
const DOCUMENT_TYPE = /^(?:urn:epcglobal:cbv:btt:|https?:\/\/ref\.gs1\.org\/cbv\/BTT-)(.+)$/;

/** A URI component decoded, or as written when it is not validly encoded (another system's document number). */
function decodedOr(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reads back the reference documents an event names: their type and number, as people write them. */
export function documentsOf(event: Record<string, unknown>): { type: string; id: string }[] {
  const list = event.bizTransactionList;
  if (!Array.isArray(list)) return [];
  return list.flatMap((t: { type?: unknown; bizTransaction?: unknown }) => {
    if (typeof t.bizTransaction !== 'string') return [];
    const id = DOCUMENT_ID.exec(t.bizTransaction)?.[1];
    const type = typeof t.type === 'string' ? (DOCUMENT_TYPE.exec(t.type)?.[1] ?? t.type) : 'other';
    return [{ type, id: id ? decodedOr(id) : t.bizTransaction }];
  });
}
