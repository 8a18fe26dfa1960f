import { lotCodeProblem, type RecordProcessingRequest, type UnitCode } from '@nguon/shared';
import type { MessageKey } from '@/lib/i18n';
import { isFuture, toEventTime, vietnamNow } from './event-time';

/** A batch the business may use as raw material: its own open one, or one shipped to it and received. */
export interface InputCandidate {
  id: string;
  lotCode: string;
  productName: { vi: string; en: string };
  quantity: number | null;
  unit: UnitCode | null;
  received: boolean;
}

export interface InputLine {
  selected: boolean;
  quantity: string;
  unit: UnitCode;
}

export interface ProcessingValues {
  inputs: Record<string, InputLine>;
  productId: string;
  lotCode: string;
  displayName: string;
  productionDate: string;
  expiryDate: string;
  quantity: string;
  unit: UnitCode | '';
  eventTime: string;
  locationId: string;
  /** The production order the processing followed, if any. */
  documentId: string;
  note: string;
}

export type ProcessingField =
  'inputs' | 'productId' | 'lotCode' | 'productionDate' | 'expiryDate' | 'quantity' | 'eventTime' | 'locationId';

const number = (text: string) => Number(text.replace(',', '.'));

/** A fresh form: now, the business's first place (processing must say where), the batch it came from picked. */
export function initialProcessing(
  candidates: readonly InputCandidate[],
  preselected: string | null,
  placeId: string | null = null,
): ProcessingValues {
  const now = vietnamNow();
  return {
    inputs: Object.fromEntries(
      candidates.map((c) => [
        c.id,
        {
          selected: c.id === preselected,
          quantity: c.id === preselected && c.quantity !== null ? String(c.quantity) : '',
          unit: c.unit ?? 'KGM',
        },
      ]),
    ),
    productId: '',
    lotCode: '',
    displayName: '',
    productionDate: now.slice(0, 10),
    expiryDate: '',
    quantity: '',
    unit: '',
    eventTime: now,
    locationId: placeId ?? '',
    documentId: '',
    note: '',
  };
}

/** `places`: how many the business has; processing is a critical tracking event and must say where. */
export function validateProcessing(values: ProcessingValues, places = 0): Partial<Record<ProcessingField, MessageKey>> {
  const problems: Partial<Record<ProcessingField, MessageKey>> = {};
  if (!values.locationId) problems.locationId = places ? 'events.field.place.required' : 'events.field.place.none';
  const chosen = Object.values(values.inputs).filter((line) => line.selected);
  if (!chosen.length) problems.inputs = 'events.processing.inputs.none';
  else if (chosen.some((line) => !(number(line.quantity) > 0))) problems.inputs = 'events.processing.inputs.quantity';
  if (!values.productId) problems.productId = 'form.required';
  const lot = lotCodeProblem(values.lotCode);
  if (lot) problems.lotCode = lot === 'empty' ? 'form.required' : 'events.processing.lotCode.invalid';
  if (!values.productionDate) problems.productionDate = 'form.required';
  if (values.expiryDate && values.expiryDate < values.productionDate) problems.expiryDate = 'events.processing.expiry.early';
  if (values.quantity.trim() && !(number(values.quantity) > 0)) problems.quantity = 'events.field.quantity.invalid';
  if (!values.eventTime) problems.eventTime = 'form.required';
  else if (isFuture(values.eventTime)) problems.eventTime = 'events.field.time.future';
  return problems;
}

/** Made more than went in, in the same unit: allowed (water, sugar...), but worth a second look. */
export function outputExceedsInputs(values: ProcessingValues): boolean {
  if (!values.quantity.trim() || !values.unit) return false;
  const same = Object.values(values.inputs).filter((line) => line.selected && line.unit === values.unit && number(line.quantity) > 0);
  return same.length > 0 && number(values.quantity) > same.reduce((sum, line) => sum + number(line.quantity), 0);
}

export function toProcessingRequest(values: ProcessingValues): RecordProcessingRequest {
  const quantity = values.quantity.trim() ? number(values.quantity) : undefined;
  return {
    inputs: Object.entries(values.inputs)
      .filter(([, line]) => line.selected)
      .map(([batchId, line]) => ({ batchId, quantity: number(line.quantity), unit: line.unit })),
    outputs: [
      {
        newBatch: {
          productId: values.productId,
          lotCode: values.lotCode.trim(),
          ...(values.displayName.trim() ? { displayName: values.displayName.trim() } : {}),
          productionDate: values.productionDate,
          ...(values.expiryDate ? { expiryDate: values.expiryDate } : {}),
          ...(quantity !== undefined ? { quantity, ...(values.unit ? { unit: values.unit } : {}) } : {}),
        },
      },
    ],
    eventTime: toEventTime(values.eventTime),
    ...(values.locationId ? { locationId: values.locationId } : {}),
    ...(values.documentId.trim() ? { bizTransactions: [{ type: 'prodorder', id: values.documentId.trim() }] } : {}),
    ...(values.note.trim() ? { note: values.note.trim() } : {}),
  };
}
