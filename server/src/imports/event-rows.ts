import { DISTRIBUTING_STAGES, groupBy, PRODUCER_ONLY_STAGES, suggestedLotCode, type Stage } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { RecordStageDto } from '../events/dto/record-stage.dto.js';
import { BusinessReferences, namesProduct, type ReferenceData } from './business-references.js';
import { parseDateTime, parsePassed, parseQuantity, parseStage, parseUnit } from './import-cells.js';
import type { SheetRow } from './import-file.js';
import { loadBatchRefs, loadPartiesByTaxCode, type BatchRef, type PartyRef } from './import-references.queries.js';
import { cellReader, requireCells, RowProblems, type RowsPlanned } from './row-problems.js';
import type { ImportWorkers } from './import-workers.js';
import { validateRowDto } from './validate-row-dto.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';

export interface PlannedStage {
  row: number;
  batch: { id: string; lotCode: string };
  dto: RecordStageDto;
}

const COLUMN_OF: Record<string, string> = {
  stage: 'stage',
  eventTime: 'event_time',
  locationId: 'location',
  quantity: 'quantity',
  unit: 'unit',
  note: 'note',
  passed: 'passed',
  destinationBusinessId: 'party',
  destinationName: 'party',
  sourceBusinessId: 'party',
  sourceName: 'party',
  'bizTransactions.type': 'document_type',
  'bizTransactions.id': 'document_id',
};

const TAX_CODE = /^\d{10}(\d{3})?$/;
const PARTY_STAGES: ReadonlySet<Stage> = new Set(['shipping', 'receiving']);

/** An event file's rows for the row checker: with what they name, read for the whole file. */
export interface EventRowsJob {
  kind: 'events';
  rows: SheetRow[];
  businessId: string;
  references: ReferenceData;
  batches: BatchRef[];
  parties: PartyRef[];
}

/**
 * Checks every row of an event file and turns each into the request the stage form would send
 * for its batch. The batches named (the business's own, or shipped to it), its products and
 * locations, and the businesses named by tax code are read in a few queries for the whole file;
 * the rows are checked off the event loop (ImportWorkers).
 */
export async function checkEventRows(
  db: EntityManager,
  businessId: string,
  rows: SheetRow[],
  workers: ImportWorkers,
): Promise<PlannedStage[]> {
  // With the corrected code of each that breaks the lot-code rule, to name it when that one exists.
  const lotCodes = [
    ...new Set(
      rows.flatMap(({ cells }) => (cells.lot_code ? [cells.lot_code, suggestedLotCode(cells.lot_code)] : [])).filter((c) => c !== null),
    ),
  ];
  const taxCodes = [...new Set(rows.flatMap((r) => (r.cells.party && TAX_CODE.test(r.cells.party) ? [r.cells.party] : [])))];
  const [references, batches, parties] = await Promise.all([
    BusinessReferences.load(db, businessId),
    loadBatchRefs(db, lotCodes, businessId),
    loadPartiesByTaxCode(db, taxCodes),
  ]);
  const { planned, problems } = await workers.checkRows<PlannedStage>({
    kind: 'events',
    rows,
    businessId,
    references,
    batches,
    parties,
  });
  problems.throwIfAny();
  return planned;
}

/** Each row of an event file checked on its own and against the others (no database): the rows that passed, and the problems. */
export function planEventRows({ rows, businessId, references: data, batches, parties }: EventRowsJob): RowsPlanned<PlannedStage> {
  const references = new BusinessReferences(data);
  const partyByTaxCode = new Map(parties.map((p) => [p.taxCode, p.id]));
  // Each row looks its lot up among as many as the file names: searched row by row, 10,000 rows took a second.
  const batchesOfLot = groupBy(batches, (batch) => batch.lotCode);
  const problems = new RowProblems();
  const planned: PlannedStage[] = [];
  const firstRowOf = new Map<string, number>();

  for (const { row, cells } of rows) {
    const before = problems.size;
    requireCells('events', row, cells, problems);
    const read = cellReader(row, cells, problems);
    const batch = read('lot_code', (lot) => {
      const named = (code: string) =>
        (batchesOfLot.get(code) ?? []).filter((b) => cells.product === undefined || namesProduct(cells.product, b));
      const found = named(lot);
      if (found.length === 1) return { ok: true, value: found[0]! };
      if (found.length > 1) return { ok: false, problem: RULE_MESSAGES.imports.lotOfSeveralProducts(lot) };
      const suggestion = suggestedLotCode(lot);
      return { ok: false, problem: RULE_MESSAGES.imports.unknownLot(lot, suggestion && named(suggestion).length ? suggestion : null) };
    });
    const stage = read('stage', parseStage);
    const eventTime = read('event_time', parseDateTime);
    if (eventTime && Date.parse(eventTime) > Date.now()) problems.add({ row, column: 'event_time' }, RULE_MESSAGES.imports.timeInFuture);
    const location = read('location', (text) => references.location(text));
    const passed = read('passed', parsePassed);
    const party = cells.party;
    const partyId = party && TAX_CODE.test(party) ? partyByTaxCode.get(party) : undefined;

    if (batch && stage) {
      if (PRODUCER_ONLY_STAGES.includes(stage) && batch.businessId !== businessId) {
        problems.add({ row, column: 'stage' }, RULE_MESSAGES.imports.producerOnlyStage);
      }
      if (DISTRIBUTING_STAGES.includes(stage) && batch.status === 'recalled')
        problems.add({ row, column: 'lot_code' }, RULE_MESSAGES.imports.batchRecalled);
    }
    if (stage && passed !== undefined && stage !== 'inspecting')
      problems.add({ row, column: 'passed' }, RULE_MESSAGES.imports.onlyForInspecting);
    if (stage && party !== undefined && !PARTY_STAGES.has(stage))
      problems.add({ row, column: 'party' }, RULE_MESSAGES.imports.onlyForShipments);
    if (stage === 'shipping' && party === undefined) problems.add({ row, column: 'party' }, RULE_MESSAGES.imports.shippingNeedsParty);
    if (party && TAX_CODE.test(party) && !partyId) problems.add({ row, column: 'party' }, RULE_MESSAGES.imports.unknownTaxCode(party));
    if (stage === 'shipping' && partyId === businessId) problems.add({ row, column: 'party' }, RULE_MESSAGES.imports.cannotShipToItself);
    if ((cells.document_type === undefined) !== (cells.document_id === undefined)) {
      const missing = cells.document_type === undefined ? 'document_type' : 'document_id';
      problems.add({ row, column: missing }, RULE_MESSAGES.imports.documentPair);
    }

    const document =
      cells.document_type && cells.document_id ? [{ type: cells.document_type.toLowerCase(), id: cells.document_id }] : undefined;
    const partyField =
      stage === 'receiving' ? (partyId ? 'sourceBusinessId' : 'sourceName') : partyId ? 'destinationBusinessId' : 'destinationName';
    const dto = validateRowDto(
      RecordStageDto,
      {
        stage,
        eventTime,
        locationId: location?.id,
        quantity: read('quantity', parseQuantity),
        unit: read('unit', parseUnit),
        ...(party ? { [partyField]: partyId ?? party } : {}),
        bizTransactions: document,
        passed,
        note: cells.note,
      },
      row,
      COLUMN_OF,
      problems,
    );

    const key = JSON.stringify([batch?.batchId, cells]);
    const first = firstRowOf.get(key);
    if (first !== undefined) problems.add({ row }, RULE_MESSAGES.imports.sameAsRow(first));
    else firstRowOf.set(key, row);
    if (batch && problems.size === before) planned.push({ row, batch: { id: batch.batchId, lotCode: batch.lotCode }, dto });
  }
  return { planned, problems };
}
