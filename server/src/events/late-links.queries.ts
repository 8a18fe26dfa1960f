import type { EntityManager } from 'typeorm';
import type { IdentifierRole } from './event-identifiers.js';

/** An event of the business that named an identifier, by the part of it it named it in. */
export interface EarlierNamingRow {
  id: string;
  record_hash: string;
  document: Record<string, unknown>;
  role: IdentifierRole;
}

/**
 * The business's events that named the identifier and are not linked to the batch, oldest record
 * first: found by the identifier index, so registering a batch costs one lookup.
 */
export function findEarlierNamings(
  tx: EntityManager,
  identifier: string,
  businessId: string,
  batchId: string,
): Promise<EarlierNamingRow[]> {
  return tx.query(
    `SELECT e.id, e.record_hash, e.document, ei.role
       FROM event_identifiers ei
       JOIN events e ON e.id = ei.event_id
      WHERE ei.identifier = $1 AND e.business_id = $2
        AND NOT EXISTS (SELECT 1 FROM event_batches eb WHERE eb.event_id = e.id AND eb.batch_id = $3)
      ORDER BY e.record_time, e.id, ei.role`,
    [identifier, businessId, batchId],
  );
}
