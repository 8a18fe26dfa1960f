import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { groupBy } from '@nguon/shared';
import {
  findLastShipper,
  loadBalances,
  findPendingShipment,
  findShipment,
  findShippedTo,
  loadCustodians,
  loadCustodiansOfEach,
  loadLineage,
  type BalanceRow,
  type LineageRow,
  type ShipmentRow,
} from './records.queries.js';

export type { BalanceRow, LineageRow, ShipmentRow } from './records.queries.js';

/**
 * The event store's read rules, asked one question at a time: which batches a business was
 * shipped, who holds a batch, which shipment a receipt confirms, what a batch was made from or
 * into. Every answer counts only the events that stand (see `records.sql.ts`, the same rules for
 * set-based queries). Each question runs inside the caller's transaction when it passes one.
 */
@Injectable()
export class RecordsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Of these batches, the ones shipped to the business: the one answer to "was this batch shipped to that business?". */
  async shippedTo(batchIds: string[], businessId: string, tx?: EntityManager): Promise<Set<string>> {
    return new Set(await findShippedTo(tx ?? this.db.manager, batchIds, businessId));
  }

  /** The batch's producer first, then (with `recipients`) the businesses it was shipped to; empty when there is no such batch. */
  custodians(batchId: string, recipients: boolean): Promise<string[]> {
    return loadCustodians(this.db.manager, batchId, recipients);
  }

  /** Every producer of these batches and every business they were shipped to, each with its batches among them. */
  async custodiansOfEach(batchIds: string[], tx?: EntityManager): Promise<Map<string, string[]>> {
    const rows = await loadCustodiansOfEach(tx ?? this.db.manager, batchIds);
    return new Map([...groupBy(rows, (row) => row.business_id)].map(([business, own]) => [business, own.map((row) => row.batch_id)]));
  }

  /** The oldest shipment of the batch to the business that it has not confirmed receiving yet. */
  pendingShipment(batchId: string, businessId: string, tx?: EntityManager): Promise<ShipmentRow | null> {
    return findPendingShipment(tx ?? this.db.manager, batchId, businessId);
  }

  /** The standing shipment to a portal business with this event's portal id, and whether it was received. */
  shipmentById(eventPk: string, tx?: EntityManager): Promise<(ShipmentRow & { received: boolean }) | null> {
    return findShipment(tx ?? this.db.manager, eventPk);
  }

  /** The business that last shipped the batch to this one, received or not. */
  lastShipperTo(batchId: string, businessId: string, tx?: EntityManager): Promise<string | null> {
    return findLastShipper(tx ?? this.db.manager, batchId, businessId);
  }

  /** What the business holds of each batch against what left it, per base unit (mass balance), by batch. */
  async balances(batchIds: string[], businessId: string, tx?: EntityManager): Promise<Map<string, BalanceRow[]>> {
    const byBatch = new Map<string, BalanceRow[]>(batchIds.map((id) => [id, []]));
    for (const row of await loadBalances(tx ?? this.db.manager, batchIds, businessId)) byBatch.get(row.batch_id)?.push(row);
    return byBatch;
  }

  /**
   * The batch and the batches reachable from it through standing processing, up to `maxDepth`
   * steps: backward to its sources, or forward to what was made from it.
   */
  lineage(batchId: string, direction: 'backward' | 'forward', maxDepth: number, tx?: EntityManager): Promise<LineageRow[]> {
    return loadLineage(tx ?? this.db.manager, batchId, direction === 'forward', maxDepth);
  }
}
