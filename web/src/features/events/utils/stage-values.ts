import {
  STAGE_REQUIRED_DATA,
  type AttachmentView,
  type BatchBalanceLine,
  type BatchView,
  type BusinessDirectoryEntry,
  type CbvBizTransactionType,
  type EventView,
  type ReceiptShortfallReason,
  type RecordStageRequest,
  type StageFields,
  type UnitCode,
} from '@nguon/shared';
import type { MessageKey } from '@/lib/i18n';
import { isFuture, toEventTime, toLocalInput, vietnamNow } from './event-time';
import { overRemaining } from './remaining';

export type RecordableStage = RecordStageRequest['stage'];

/** What a stage form holds, as typed. */
export interface StageValues {
  eventTime: string;
  locationId: string;
  quantity: string;
  unit: UnitCode | '';
  /** Shipping: a business on the portal, or a party named in words. */
  partyMode: 'portal' | 'other';
  partyBusiness: Pick<BusinessDirectoryEntry, 'id' | 'legalName'> | null;
  partyName: string;
  documentType: CbvBizTransactionType;
  documentId: string;
  passed: '' | 'yes' | 'no';
  labName: string;
  attachments: AttachmentView[];
  note: string;
  /** Receiving: why less arrived than was shipped. */
  shortfallReason: ReceiptShortfallReason | '';
  /** Shipping and retail beyond what remains: the person ticked "save anyway". */
  overrideMassBalance: boolean;
}

export type StageField =
  | 'eventTime'
  | 'locationId'
  | 'quantity'
  | 'party'
  | 'documentId'
  | 'passed'
  | 'labName'
  | 'attachments'
  | 'note'
  | 'shortfallReason'
  | 'override';
export type StageProblems = Partial<Record<StageField, MessageKey>>;

/** The reference documents each stage offers (CBV bizTransaction types), the first by default. */
export const DOCUMENT_TYPES: Partial<Record<RecordableStage, readonly CbvBizTransactionType[]>> = {
  shipping: ['desadv', 'inv', 'po', 'bol'],
  receiving: ['desadv', 'inv', 'po', 'recadv'],
  inspecting: ['testres'],
};

/** Where the server reports each field's problems. */
export const SERVER_PATHS: Record<StageField, string[]> = {
  eventTime: ['eventTime', 'eventTimeZoneOffset'],
  locationId: ['locationId'],
  quantity: ['quantity', 'unit', 'quantityList.0.quantity'],
  party: ['destinationBusinessId', 'destinationName', 'sourceBusinessId', 'sourceName'],
  documentId: ['bizTransactions', 'bizTransactions.0.id', 'bizTransactions.0.type'],
  passed: ['passed'],
  labName: ['labName'],
  attachments: ['attachmentIds'],
  note: ['note'],
  shortfallReason: ['shortfallReason'],
  override: [],
};

/** Stages whose quantity leaves the business's holding (shipped, sold): they start from, and are checked against, what remains. */
export const OUTFLOW_STAGES: readonly RecordableStage[] = ['shipping', 'retail'];

/** Whether the stage's record must say where (the inspectors flag it otherwise). */
export const needsPlace = (stage: RecordableStage) => STAGE_REQUIRED_DATA[stage]?.includes('location') ?? false;

/**
 * The quantity a form starts from: a shipment or sale, what remains of the batch in the unit last
 * stated (after packing 500 kg into 50 cartons, 50 cartons); a receipt by a business that holds
 * none of it yet, nothing (the server takes the quantity shipped); any other, the batch's quantity.
 */
function startingQuantity(
  stage: RecordableStage,
  batch: BatchView,
  lines: readonly BatchBalanceLine[],
): { quantity: string; unit: UnitCode | '' } {
  const current = lines[0];
  if (OUTFLOW_STAGES.includes(stage) && current?.unit) {
    return { quantity: current.remaining > 0 ? String(current.remaining) : '', unit: current.unit };
  }
  if (stage === 'receiving' && lines.length === 0) return { quantity: '', unit: batch.unit ?? '' };
  return { quantity: batch.quantity !== null ? String(batch.quantity) : '', unit: batch.unit ?? '' };
}

/**
 * A fresh form: now, the place the business last used for this batch (else its origin, else its
 * first place), and what remains of the batch (the balance the server gives).
 */
export function initialValues(
  stage: RecordableStage,
  batch: BatchView,
  placeId: string | null,
  lines: readonly BatchBalanceLine[] = [],
): StageValues {
  return {
    eventTime: vietnamNow(),
    locationId: placeId ?? '',
    ...startingQuantity(stage, batch, lines),
    partyMode: 'portal',
    partyBusiness: null,
    partyName: '',
    documentType: DOCUMENT_TYPES[stage]?.[0] ?? 'desadv',
    documentId: '',
    passed: '',
    labName: '',
    attachments: [],
    note: '',
    shortfallReason: '',
    overrideMassBalance: false,
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A correction starts from what the wrong event said. */
export function valuesFromEvent(stage: RecordableStage, batch: BatchView, event: EventView): StageValues {
  const doc = event.epcis;
  const quantity = Array.isArray(doc.quantityList) ? (doc.quantityList[0] as { quantity?: number; uom?: UnitCode } | undefined) : undefined;
  const destination = Array.isArray(doc.destinationList)
    ? text((doc.destinationList[0] as { destination?: unknown } | undefined)?.destination)
    : '';
  const portalParty = /^urn:nguon:party:([0-9a-f-]{36})$/.exec(destination);
  const documents = Array.isArray(doc.bizTransactionList) ? (doc.bizTransactionList as { type?: string; bizTransaction?: string }[]) : [];
  const reference = documents[0] ? /^urn:nguon:doc:([^:]+):(.*)$/.exec(documents[0].bizTransaction ?? '') : null;
  const base = initialValues(stage, batch, event.locationId);
  const reason = event.disposition === 'mismatch_quantity' ? 'short' : event.disposition === 'damaged' ? 'damaged' : '';
  return {
    ...base,
    eventTime: toLocalInput(event.eventTime, event.eventTimeZoneOffset),
    quantity: quantity?.quantity !== undefined ? String(quantity.quantity) : '',
    unit: quantity?.uom ?? base.unit,
    partyMode: text(doc['nguon:destinationName']) || text(doc['nguon:sourceName']) ? 'other' : 'portal',
    partyBusiness: portalParty ? { id: portalParty[1]!, legalName: '' } : null,
    partyName: text(doc['nguon:destinationName']) || text(doc['nguon:sourceName']),
    documentType: (reference?.[1] as CbvBizTransactionType | undefined) ?? base.documentType,
    documentId: reference?.[2] ? decodeURIComponent(reference[2]) : '',
    passed: event.disposition === 'conformant' ? 'yes' : event.disposition === 'non_conformant' ? 'no' : '',
    labName: text(doc['nguon:lab']),
    note: text(doc['nguon:note']),
    shortfallReason: stage === 'receiving' ? reason : '',
  };
}

const quantityOf = (values: StageValues) => Number(values.quantity.replace(',', '.'));

/** What remains when the form would ship or sell more than that (see `overRemaining`); null otherwise. */
export function remainingExceeded(stage: RecordableStage, values: StageValues, lines: readonly BatchBalanceLine[]): number | null {
  if (!OUTFLOW_STAGES.includes(stage) || !values.quantity.trim()) return null;
  return overRemaining(lines, quantityOf(values), values.unit);
}

/** What a new record's form checks beyond the fields: the business's places, and what remains of the batch. */
export interface StageContext {
  /** How many places the business has: a stage that needs one cannot be saved without. */
  places: number;
  lines: readonly BatchBalanceLine[];
}

export function validateStage(stage: RecordableStage, values: StageValues, context?: StageContext): StageProblems {
  const problems: StageProblems = {};
  if (!values.eventTime) problems.eventTime = 'form.required';
  else if (isFuture(values.eventTime)) problems.eventTime = 'events.field.time.future';
  if (values.quantity.trim() && !(quantityOf(values) > 0)) problems.quantity = 'events.field.quantity.invalid';
  if (context && needsPlace(stage) && !values.locationId)
    problems.locationId = context.places ? 'events.field.place.required' : 'events.field.place.none';
  if (context && remainingExceeded(stage, values, context.lines) !== null && !values.overrideMassBalance)
    problems.override = 'events.balance.confirmRequired';
  if (stage === 'shipping') {
    if (values.partyMode === 'portal' && !values.partyBusiness) problems.party = 'events.party.pick';
    if (values.partyMode === 'other' && !values.partyName.trim()) problems.party = 'form.required';
  }
  if (stage === 'inspecting' && !values.passed) problems.passed = 'form.required';
  return problems;
}

/** What the server is sent: only what the stage uses, blanks left out. */
export function toStageFields(stage: RecordableStage, values: StageValues): StageFields {
  const quantity = values.quantity.trim() ? Number(values.quantity.replace(',', '.')) : undefined;
  const fields: StageFields = {
    eventTime: toEventTime(values.eventTime),
    ...(values.locationId ? { locationId: values.locationId } : {}),
    ...(quantity !== undefined ? { quantity, ...(values.unit ? { unit: values.unit } : {}) } : {}),
    ...(values.note.trim() ? { note: values.note.trim() } : {}),
  };
  if (DOCUMENT_TYPES[stage] && values.documentId.trim())
    fields.bizTransactions = [{ type: values.documentType, id: values.documentId.trim() }];
  if (stage === 'shipping') {
    if (values.partyMode === 'portal' && values.partyBusiness) fields.destinationBusinessId = values.partyBusiness.id;
    if (values.partyMode === 'other') fields.destinationName = values.partyName.trim();
  }
  if (stage === 'receiving' && values.partyName.trim()) fields.sourceName = values.partyName.trim();
  if (stage === 'receiving' && values.shortfallReason) fields.shortfallReason = values.shortfallReason;
  if (stage === 'inspecting') {
    fields.passed = values.passed === 'yes';
    if (values.labName.trim()) fields.labName = values.labName.trim();
    if (values.attachments.length) fields.attachmentIds = values.attachments.map((a) => a.id);
  }
  return fields;
}

/**
 * The place to pre-fill: where the business last recorded this batch, else the batch's origin if
 * it is the business's, else the business's first place (its only one, usually).
 */
export function lastPlace(
  events: readonly EventView[],
  businessId: string,
  batch: BatchView,
  ownPlaces: readonly { id: string }[],
): string | null {
  const last = [...events].reverse().find((e) => e.businessId === businessId && e.locationId && !e.declaredWrong && !e.errorDeclaration);
  if (last?.locationId && ownPlaces.some((p) => p.id === last.locationId)) return last.locationId;
  if (batch.originLocationId && ownPlaces.some((p) => p.id === batch.originLocationId)) return batch.originLocationId;
  return ownPlaces[0]?.id ?? null;
}
