import type { EntityManager } from 'typeorm';
import type { IdentifierRole } from './event-identifiers.js';

/** An event of the business that named a lot's identifier, by the part of it it named it in. */
export interface EarlierNamingRow {
  batch_id: string;
  id: string;
  record_hash: string;
  /** Exact, as text: the late link carries it (EventRecordTime). */
  record_time: string;
  document: Record<string, unknown>;
  role: IdentifierRole;
}

/** SQL: event `alias`'s record time as text to the microsecond, which a Date would drop. */
const EXACT_RECORD_TIME = (alias: string) =>
  `to_char(${alias}.record_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS record_time`;

/**
 * The business's events that named each lot's identifier and are not linked to its batch, by
 * batch, oldest record first: one query however many lots, each lot's identifier looked up in the
 * identifier index. `OFFSET 0` keeps that lookup per lot: joined as a whole, PostgreSQL hashed
 * every identifier and every event of the business for an import's thousand new lots (75 to 170
 * ms a thousand, with or without statistics), which mostly no event named.
 */
export function findEarlierNamings(
  tx: EntityManager,
  businessId: string,
  lots: { batchId: string; identifier: string }[],
): Promise<EarlierNamingRow[]> {
  return tx.query(
    `SELECT n.batch_id, named.id, named.record_hash, ${EXACT_RECORD_TIME('named')}, named.document, named.role
       FROM unnest($2::uuid[], $3::text[]) AS n (batch_id, identifier)
       CROSS JOIN LATERAL (
         SELECT e.id, e.record_hash, e.document, e.record_time, ei.role
           FROM event_identifiers ei
           JOIN events e ON e.id = ei.event_id AND e.record_time = ei.record_time
          WHERE ei.identifier = n.identifier AND e.business_id = $1
            AND NOT EXISTS (SELECT 1 FROM event_batches eb WHERE eb.event_id = e.id AND eb.record_time = e.record_time AND eb.batch_id = n.batch_id)
         OFFSET 0
       ) AS named
      ORDER BY n.batch_id, named.record_time, named.id, named.role`,
    [businessId, lots.map((l) => l.batchId), lots.map((l) => l.identifier)],
  );
}

const BATCH_IDS = `ARRAY(SELECT DISTINCT eb.batch_id FROM event_batches eb WHERE eb.event_id = e.id AND eb.record_time = e.record_time) AS batch_ids`;

/** An event that names a place or party in a column still empty, with the batches it is linked to. */
export interface UnplacedRow {
  id: string;
  record_hash: string;
  /** Exact, as text: the late link carries it (EventRecordTime). */
  record_time: string;
  batch_ids: string[];
}

/**
 * The business's events whose place (business location, else read point) is the GLN, with or
 * without a `/254/` extension, and that have no place yet: found by the place index.
 */
export function findUnplacedAt(tx: EntityManager, placeIdentifier: string, businessId: string): Promise<UnplacedRow[]> {
  return tx.query(
    `SELECT e.id, e.record_hash, ${EXACT_RECORD_TIME('e')}, ${BATCH_IDS}
       FROM event_identifiers ei
       JOIN events e ON e.id = ei.event_id AND e.record_time = ei.record_time
      WHERE ei.role = 'place' AND (ei.identifier = $1 OR ei.identifier LIKE $1 || '/254/%')
        AND e.business_id = $2 AND e.location_id IS NULL
      ORDER BY e.record_time, e.id`,
    [placeIdentifier, businessId],
  );
}

/** Events, of any business, naming as source or destination a party under the company prefix, whose column is still empty. */
export function findUnlinkedParties(tx: EntityManager, field: 'source' | 'destination', partyPrefix: string): Promise<UnplacedRow[]> {
  const column = field === 'source' ? 'e.source_business_id' : 'e.destination_business_id';
  return tx.query(
    `SELECT DISTINCT ON (e.record_time, e.id) e.id, e.record_hash, ${EXACT_RECORD_TIME('e')}, ${BATCH_IDS}
       FROM event_identifiers ei
       JOIN events e ON e.id = ei.event_id AND e.record_time = ei.record_time
      WHERE ei.role = $1 AND ei.identifier LIKE $2 || '%' AND ${column} IS NULL
      ORDER BY e.record_time, e.id`,
    [field, partyPrefix],
  );
}
