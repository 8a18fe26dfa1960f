import type { EntityManager } from 'typeorm';

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
