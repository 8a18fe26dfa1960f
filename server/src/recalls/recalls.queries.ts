import type { EntityManager } from 'typeorm';
import { LIVE_SHIPMENTS } from '../events/shipped-to.js';

export interface RecalledBatchRow {
  id: string;
  lot_code: string;
  gtin: string | null;
  short_code: string;
  expiry_date: string | null;
  name_vi: string;
  name_en: string;
  business_id: string;
  legal_name: string;
}

/** The batches with their product and producer, as a recall names them. */
export function loadRecallBatches(db: EntityManager, ids: string[]): Promise<RecalledBatchRow[]> {
  return db.query(
    `SELECT b.id, b.lot_code, p.gtin, b.short_code, b.expiry_date::text, p.name_vi, p.name_en, b.business_id, bu.legal_name
       FROM batches b JOIN products p ON p.id = b.product_id JOIN businesses bu ON bu.id = b.business_id
      WHERE b.id = ANY($1::uuid[])`,
    [ids],
  );
}

/**
 * Who must hear of a recall: the producers of the recalled and downstream batches, and every
 * business those batches were shipped to (one step forward), each with its own batches concerned.
 */
export async function affectedBusinesses(db: EntityManager, batchIds: string[]): Promise<Map<string, string[]>> {
  const rows: { business_id: string; batch_id: string }[] = await db.query(
    `SELECT business_id, id AS batch_id FROM batches WHERE id = ANY($1::uuid[])
     UNION
     SELECT s.business_id, s.batch_id FROM ${LIVE_SHIPMENTS} s WHERE s.batch_id = ANY($1::uuid[])`,
    [batchIds],
  );
  const byBusiness = new Map<string, string[]>();
  for (const row of rows) byBusiness.set(row.business_id, [...(byBusiness.get(row.business_id) ?? []), row.batch_id]);
  return byBusiness;
}
