import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { baseUnitOf, convertQuantity, UNITS, type BatchBalanceLine, type BatchBalanceView, type UnitCode } from '@nguon/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { RecordsService, type BalanceRow } from '../records/records.service.js';
import { lockBatches } from './stage-events.queries.js';
import { OUTFLOW_STAGES } from './stage-rules.js';

/** Quantities are stored with 6 decimals: a difference below that is rounding, not a surplus. */
const EPSILON = 1e-6;

const isUnit = (unit: string | null): unit is UnitCode => unit !== null && unit in UNITS;

/** A balance row in the unit the business last stated (the base unit when that is unknown). */
function toLine(row: BalanceRow): BatchBalanceLine | null {
  if (row.held === null) return null;
  const base = isUnit(row.base_unit) ? row.base_unit : null;
  const unit = isUnit(row.stated_unit) && base && baseUnitOf(row.stated_unit) === base ? row.stated_unit : base;
  const shown = (quantity: number) => (base && unit ? (convertQuantity(quantity, base, unit) ?? quantity) : quantity);
  const held = Number(row.held);
  const used = Number(row.used);
  return { unit, held: shown(held), used: shown(used), remaining: shown(held - used) };
}

/** One quantity leaving a batch, as a form sends it: checked against what the business holds. */
export interface Outflow {
  batchId: string;
  lotCode: string;
  quantity: number;
  unit: UnitCode | null;
  /** Where the form shows the refusal (`quantity`, `inputs.0.quantity`). */
  field: string;
}

/** The batch a stage takes from: its quantities are in its own unit, else its product's. */
export interface StockedBatch {
  id: string;
  lotCode: string;
  unit: UnitCode | null;
  product: { unit: UnitCode };
}

/**
 * Mass balance: what a business ships, uses or sells of a batch against what it held, per unit
 * (grams, kilograms and tonnes as one; unrelated units never compared). The forms' requests are
 * refused beyond it unless the person confirmed; what other systems capture is stored and flagged
 * by the inspectors' checks (the same rule, `batchBalancesSql`).
 */
@Injectable()
export class MassBalance {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly records: RecordsService,
  ) {}

  async balanceOf(batchId: string, businessId: string, tx: EntityManager = this.db.manager): Promise<BatchBalanceView> {
    const rows = (await this.records.balances([batchId], businessId, tx)).get(batchId)!;
    return { batchId, businessId, lines: rows.flatMap((row) => toLine(row) ?? []) };
  }

  /**
   * Refuses a shipment or sale of more than remains of its batch (a new record, or the corrected
   * one once the wrong one is declared in the same transaction), for stages on distinct batches at
   * once: one lock and one query however many; other stages take nothing out.
   */
  async assertStagesFit(
    tx: EntityManager,
    businessId: string,
    stages: { batch: StockedBatch; fields: { stage: string; quantity?: number; unit?: UnitCode } }[],
  ): Promise<void> {
    const outflows = stages.flatMap(({ batch, fields }) =>
      OUTFLOW_STAGES.has(fields.stage) && fields.quantity !== undefined
        ? [
            {
              batchId: batch.id,
              lotCode: batch.lotCode,
              quantity: fields.quantity,
              unit: fields.unit ?? batch.unit ?? batch.product.unit,
              field: 'quantity',
            },
          ]
        : [],
    );
    if (!outflows.length) return;
    await lockBatches(
      tx,
      outflows.map((outflow) => outflow.batchId),
    );
    await this.assertRemains(tx, businessId, outflows);
  }

  /**
   * Refuses quantities beyond what remains (MASS_BALANCE_EXCEEDED, naming the field and how much
   * remains). The caller has locked the batches, so nothing leaves them between this and the write.
   */
  async assertRemains(tx: EntityManager, businessId: string, outflows: Outflow[]): Promise<void> {
    const counted = outflows.flatMap((outflow) => (outflow.unit ? [{ ...outflow, unit: outflow.unit }] : []));
    if (!counted.length) return;
    // One query for every batch the request takes from.
    const balances = await this.records.balances([...new Set(counted.map((o) => o.batchId))], businessId, tx);
    for (const outflow of counted) {
      const lines = balances.get(outflow.batchId)!.flatMap((row) => toLine(row) ?? []);
      const line = lines.find((l) => l.unit && baseUnitOf(l.unit) === baseUnitOf(outflow.unit));
      if (!line?.unit) continue;
      const asked = convertQuantity(outflow.quantity, outflow.unit, line.unit)!;
      if (asked > line.remaining + EPSILON) {
        const text = RULE_MESSAGES.events.exceedsRemaining(outflow.lotCode, Math.max(line.remaining, 0), line.unit, line.held);
        throw new DomainError('MASS_BALANCE_EXCEEDED', text, { [outflow.field]: [text] });
      }
    }
  }
}
