import type { BatchStatus } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { eventNamedBySql, LIVE_SHIPMENTS, standingEventSql } from '../records/records.sql.js';

export interface TraceBatchRow {
  id: string;
  lot_code: string;
  name_vi: string;
  name_en: string;
  gtin: string | null;
  business_id: string;
  legal_name: string;
  status: BatchStatus;
}

export function loadTraceBatches(db: EntityManager, ids: string[]): Promise<TraceBatchRow[]> {
  return db.query(
    `SELECT b.id, b.lot_code, p.name_vi, p.name_en, p.gtin, b.business_id, bu.legal_name, b.status
       FROM batches b JOIN products p ON p.id = b.product_id JOIN businesses bu ON bu.id = b.business_id
      WHERE b.id = ANY($1::uuid[])`,
    [ids],
  );
}

/** Processing steps between batches of the set, and shipments of its batches to businesses. */
export function loadTraceEdges(
  db: EntityManager,
  ids: string[],
): Promise<{ kind: 'processing' | 'shipping'; from_id: string; to_id: string; event_id: string; event_time: Date }[]> {
  return db.query(
    `SELECT 'processing' AS kind, i.batch_id AS from_id, o.batch_id::text AS to_id, e.event_id, e.event_time
       FROM event_batches i
       JOIN event_batches o ON o.event_id = i.event_id AND o.record_time = i.record_time AND o.role = 'output'
       CROSS JOIN ${eventNamedBySql('i')}
      WHERE i.role = 'input' AND i.batch_id = ANY($1::uuid[]) AND o.batch_id = ANY($1::uuid[]) AND ${standingEventSql('e')}
     UNION ALL
     SELECT 'shipping', s.batch_id, s.business_id::text, s.event_id, s.event_time
       FROM ${LIVE_SHIPMENTS} s WHERE s.batch_id = ANY($1::uuid[])
     ORDER BY event_time`,
    [ids],
  );
}

/** Recalls in force on the batches: each batch's own, or one whose downstream set it is in. */
export function loadActiveRecalls(
  db: EntityManager,
  ids: string[],
): Promise<{ batch_id: string; recall_id: string; source_batch_id: string }[]> {
  return db.query(
    `SELECT r.batch_id, r.id AS recall_id, r.batch_id AS source_batch_id FROM recalls r WHERE r.batch_id = ANY($1::uuid[]) AND r.lifted_at IS NULL
     UNION ALL
     SELECT rb.batch_id, r.id, r.batch_id FROM recall_batches rb JOIN recalls r ON r.id = rb.recall_id WHERE rb.batch_id = ANY($1::uuid[]) AND r.lifted_at IS NULL`,
    [ids],
  );
}

export interface BusinessNameRow {
  id: string;
  legal_name: string;
}

export function loadBusinessNames(db: EntityManager, businessIds: string[]): Promise<BusinessNameRow[]> {
  return db.query(`SELECT id, legal_name FROM businesses WHERE id = ANY($1::uuid[])`, [businessIds]);
}

export async function batchExists(db: EntityManager, batchId: string): Promise<boolean> {
  const [exists]: unknown[] = await db.query(`SELECT 1 FROM batches WHERE id = $1`, [batchId]);
  return exists !== undefined;
}
