import type { EntityManager } from 'typeorm';
import { LIVE_SHIPMENTS } from '../records/records.sql.js';

// The references an import file names, each read once for the whole file. Their columns come
// named as the rows are used (camelCase), so they are matched in memory as they are.

/** A product of the business. */
export interface ProductRef {
  id: string;
  gtin: string | null;
  nameVi: string;
  nameEn: string;
}

/** A location of the business. */
export interface LocationRef {
  id: string;
  name: string;
  gln: string | null;
}

/** A batch the business may record on, with its product. */
export interface BatchRef extends ProductRef {
  batchId: string;
  lotCode: string;
  businessId: string;
  status: string;
}

/** A business whose tax code is confirmed. */
export interface PartyRef {
  id: string;
  taxCode: string;
}

/** A lot code some product already has. */
export interface TakenLotRow {
  product_id: string;
  lot_code: string;
}

export function loadProductRefs(db: EntityManager, businessId: string): Promise<ProductRef[]> {
  return db.query(`SELECT id, gtin, name_vi AS "nameVi", name_en AS "nameEn" FROM products WHERE business_id = $1`, [businessId]);
}

export function loadLocationRefs(db: EntityManager, businessId: string): Promise<LocationRef[]> {
  return db.query(`SELECT id, name, gln FROM locations WHERE business_id = $1`, [businessId]);
}

/** The batches with these lot codes that are the business's own or were shipped to it. */
export function loadBatchRefs(db: EntityManager, lotCodes: string[], businessId: string): Promise<BatchRef[]> {
  return db.query(
    `SELECT b.id AS "batchId", b.lot_code AS "lotCode", b.business_id AS "businessId", b.status, p.id, p.gtin, p.name_vi AS "nameVi", p.name_en AS "nameEn"
       FROM batches b JOIN products p ON p.id = b.product_id
      WHERE b.lot_code = ANY($1::text[])
        AND (b.business_id = $2 OR EXISTS (SELECT 1 FROM ${LIVE_SHIPMENTS} s WHERE s.batch_id = b.id AND s.business_id = $2))`,
    [lotCodes, businessId],
  );
}

/** The businesses holding these tax codes confirmed. */
export function loadPartiesByTaxCode(db: EntityManager, taxCodes: string[]): Promise<PartyRef[]> {
  return db.query(`SELECT id, tax_code AS "taxCode" FROM businesses WHERE tax_code = ANY($1::text[]) AND tax_code_confirmed`, [taxCodes]);
}

/** The batches among these products that already have one of these lot codes. */
export function findTakenLots(db: EntityManager, productIds: string[], lotCodes: string[]): Promise<TakenLotRow[]> {
  return db.query(`SELECT product_id, lot_code FROM batches WHERE product_id = ANY($1::uuid[]) AND lot_code = ANY($2::text[])`, [
    productIds,
    lotCodes,
  ]);
}
