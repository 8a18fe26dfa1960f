import type { EntityManager } from 'typeorm';

/** An event stored under an eventID: the record itself, or the error declaration about it. */
export function findStoredEvent(db: EntityManager, eventId: string, errorDeclaration: boolean): Promise<{ id: string }[]> {
  return db.query(`SELECT id FROM events WHERE event_id = $1 AND error_declared = $2`, [eventId, errorDeclaration]);
}

/** An event, or an error declaration, stored under one of the eventIDs, with the business that recorded it. */
export interface StoredEventRow {
  event_id: string;
  error_declared: boolean;
  business_id: string | null;
}

/**
 * What is stored under these eventIDs: one query, each eventID looked up in both unique indexes of
 * `event_ids` (one probe each, whatever the months the events are in). Driven by the list:
 * `event_id = ANY(...)` over a document's thousand eventIDs was planned as a parallel scan, whose
 * workers took ten times longer to start than the lookups take.
 */
export function findStoredEvents(db: EntityManager, eventIds: string[]): Promise<StoredEventRow[]> {
  return db.query(
    `SELECT stored.* FROM unnest($1::text[]) AS wanted (event_id)
     CROSS JOIN LATERAL (
       SELECT event_id, error_declared, business_id FROM event_ids WHERE event_id = wanted.event_id AND NOT error_declared
       UNION ALL
       SELECT event_id, error_declared, business_id FROM event_ids WHERE event_id = wanted.event_id AND error_declared
     ) AS stored`,
    [eventIds],
  );
}

/** Which of these eventIDs an error declaration names. */
export function findDeclaredEventIds(db: EntityManager, eventIds: string[]): Promise<{ event_id: string }[]> {
  return db.query(`SELECT event_id FROM event_ids WHERE error_declared AND event_id = ANY($1::text[])`, [eventIds]);
}

/** A portal batch an event may name, by its lot (GTIN and lot code) or its short code. */
export interface NamedBatchRow {
  id: string;
  business_id: string;
  lot_code: string;
  short_code: string;
  gtin: string | null;
}

/**
 * The batches of these lots and short codes, in one query, locked (in id order) until the
 * transaction ends: the events naming them are checked against batches no one else writes to
 * meanwhile, and writers of the same batches queue up here without deadlocking. The batches are
 * found through the lot codes' index and the short codes' key, then taken by id: an OR of the
 * two, or a join through the products, let statistics taken before an import read every batch
 * of the product at each step (158 ms for 25 lots among 20,000 batches on the embedded database).
 */
export function findNamedBatches(
  db: EntityManager,
  lots: { gtin: string; lotCode: string }[],
  shortCodes: string[],
): Promise<NamedBatchRow[]> {
  return db.query(
    `SELECT b.id, b.business_id, b.lot_code, b.short_code, p.gtin
       FROM batches b JOIN products p ON p.id = b.product_id
      WHERE b.id = ANY (ARRAY(
              SELECT named.id FROM batches named JOIN products np ON np.id = named.product_id
               WHERE named.lot_code = ANY ($2::text[]) AND (np.gtin, named.lot_code) IN (SELECT * FROM unnest($1::text[], $2::text[]))
              UNION ALL
              SELECT coded.id FROM batches coded WHERE coded.short_code = ANY ($3::text[])))
      ORDER BY b.id FOR UPDATE OF b`,
    [lots.map((l) => l.gtin), lots.map((l) => l.lotCode), shortCodes],
  );
}
