import type { EntityManager } from 'typeorm';

export interface LotMatchRow {
  id: string;
  lot_code: string;
  name_vi: string;
  name_en: string;
  legal_name: string;
  province: string;
  production_date: string;
  status: string;
}

/**
 * Batches of verified businesses whose lot code is `code`, ignoring case (the trigram index on the
 * folded lot code answers equality), newest first; one more than `limit` tells there are more.
 */
export function loadLotMatches(db: EntityManager, code: string, limit: number): Promise<LotMatchRow[]> {
  return db.query(
    `SELECT b.id, b.lot_code, p.name_vi, p.name_en, bu.legal_name, bu.province, b.production_date::text, b.status
       FROM batches b
       JOIN products p ON p.id = b.product_id
       JOIN businesses bu ON bu.id = p.business_id AND bu.status = 'verified'
      WHERE nguon_fold(b.lot_code) = nguon_fold($1)
      ORDER BY b.production_date DESC, b.created_at DESC
      LIMIT $2`,
    [code, limit + 1],
  );
}
