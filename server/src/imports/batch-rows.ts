import type { EntityManager } from 'typeorm';
import { CreateBatchDto } from '../events/dto/create-batch.dto.js';
import { BusinessReferences, type ReferenceData } from './business-references.js';
import { parseDate, parseQuantity, parseUnit } from './import-cells.js';
import type { SheetRow } from './import-file.js';
import { findTakenLots } from './import-references.queries.js';
import { cellReader, requireCells, RowProblems, type RowsPlanned } from './row-problems.js';
import type { ImportWorkers } from './import-workers.js';
import { validateRowDto } from './validate-row-dto.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';

export interface PlannedBatch {
  row: number;
  dto: CreateBatchDto;
}

const COLUMN_OF: Record<string, string> = {
  productId: 'product',
  lotCode: 'lot_code',
  displayName: 'display_name',
  productionDate: 'production_date',
  expiryDate: 'expiry_date',
  bestBeforeDate: 'best_before_date',
  quantity: 'quantity',
  unit: 'unit',
  originLocationId: 'origin_location',
};

/** A batch file's rows for the row checker: with the business's products and locations. */
export interface BatchRowsJob {
  kind: 'batches';
  rows: SheetRow[];
  references: ReferenceData;
}

/**
 * Checks every row of a batch file and turns each into the request the batch form would send.
 * References are read in three queries for the whole file (products, locations, lot codes already
 * taken); the rows are checked off the event loop (ImportWorkers); all problems are reported
 * together, and nothing is written.
 */
export async function checkBatchRows(
  db: EntityManager,
  businessId: string,
  rows: SheetRow[],
  workers: ImportWorkers,
): Promise<PlannedBatch[]> {
  const references = await BusinessReferences.load(db, businessId);
  const { planned, problems } = await workers.checkRows<PlannedBatch>({ kind: 'batches', rows, references });

  const taken = planned.length
    ? await findTakenLots(db, [...new Set(planned.map((p) => p.dto.productId))], [...new Set(planned.map((p) => p.dto.lotCode))])
    : [];
  const takenKeys = new Set(taken.map((t) => `${t.product_id}|${t.lot_code}`));
  for (const { row, dto } of planned) {
    if (takenKeys.has(`${dto.productId}|${dto.lotCode}`)) problems.add({ row, column: 'lot_code' }, RULE_MESSAGES.imports.lotCodeTaken);
  }
  problems.throwIfAny();
  return planned;
}

/** Each row of a batch file checked on its own and against the others (no database): the rows that passed, and the problems. */
export function planBatchRows({ rows, references: data }: BatchRowsJob): RowsPlanned<PlannedBatch> {
  const references = new BusinessReferences(data);
  const problems = new RowProblems();
  const planned: PlannedBatch[] = [];
  const firstRowOf = new Map<string, number>();

  for (const { row, cells } of rows) {
    const before = problems.size;
    requireCells('batches', row, cells, problems);
    const read = cellReader(row, cells, problems);
    const product = read('product', (text) => references.product(text));
    const origin = read('origin_location', (text) => references.location(text));
    const plain = {
      productId: product?.id,
      lotCode: cells.lot_code,
      displayName: cells.display_name,
      productionDate: read('production_date', parseDate),
      expiryDate: read('expiry_date', parseDate),
      bestBeforeDate: read('best_before_date', parseDate),
      quantity: read('quantity', parseQuantity),
      unit: read('unit', parseUnit),
      originLocationId: origin?.id,
    };
    const dto = validateRowDto(CreateBatchDto, plain, row, COLUMN_OF, problems);
    for (const column of ['expiry_date', 'best_before_date'] as const) {
      const date = column === 'expiry_date' ? dto.expiryDate : dto.bestBeforeDate;
      if (date && dto.productionDate && date < dto.productionDate)
        problems.add({ row, column }, RULE_MESSAGES.imports.beforeProductionDate);
    }
    if (product && cells.lot_code) {
      const key = `${product.id}|${cells.lot_code}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) problems.add({ row, column: 'lot_code' }, RULE_MESSAGES.imports.sameLotAsRow(first));
      else firstRowOf.set(key, row);
    }
    if (problems.size === before) planned.push({ row, dto });
  }

  return { planned, problems };
}
