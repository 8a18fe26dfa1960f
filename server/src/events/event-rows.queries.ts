import type { EntityManager } from 'typeorm';
import type { EventIdentifierEntity } from './event-identifier.entity.js';
import type { EventBatchEntity, EventEntity } from './event.entity.js';

/*
 * Many events, their links and identifiers, each set in one INSERT whose rows travel as one JSON
 * parameter, each row an array (no key names repeated): a document's thousands of rows cost one
 * round trip per table and no statement building.
 */

export async function insertEvents(tx: EntityManager, events: EventEntity[]): Promise<void> {
  if (!events.length) return;
  const rows = events.map((e) => [
    e.id,
    e.eventId,
    e.eventType,
    e.action,
    e.bizStep,
    e.disposition,
    e.eventTime,
    e.eventTimeZoneOffset,
    e.recordTime,
    e.readPoint,
    e.bizLocation,
    e.locationId,
    e.businessId,
    e.recordedBy,
    e.sourceBusinessId,
    e.destinationBusinessId,
    e.document,
    e.errorDeclared,
    e.recordHash,
  ]);
  await tx.query(
    `INSERT INTO events (id, event_id, event_type, action, biz_step, disposition, event_time, event_time_zone_offset, record_time,
                         read_point, biz_location, location_id, business_id, recorded_by, source_business_id, destination_business_id,
                         document, error_declared, record_hash)
     SELECT (r->>0)::uuid, r->>1, r->>2, r->>3, r->>4, r->>5, (r->>6)::timestamptz, r->>7, (r->>8)::timestamptz, r->>9, r->>10,
            (r->>11)::uuid, (r->>12)::uuid, (r->>13)::uuid, (r->>14)::uuid, (r->>15)::uuid, r->16, (r->>17)::boolean, r->>18
       FROM jsonb_array_elements($1::jsonb) AS r`,
    [JSON.stringify(rows)],
  );
}

export async function insertEventBatches(tx: EntityManager, links: Omit<EventBatchEntity, 'linkedAt' | 'linkHash'>[]): Promise<void> {
  if (!links.length) return;
  const rows = links.map((l) => [l.eventId, l.batchId, l.role, l.quantity, l.unit, l.seq, l.prevHash]);
  await tx.query(
    `INSERT INTO event_batches (event_id, batch_id, role, quantity, unit, seq, prev_hash)
     SELECT (r->>0)::uuid, (r->>1)::uuid, r->>2, (r->>3)::numeric, r->>4, (r->>5)::integer, r->>6
       FROM jsonb_array_elements($1::jsonb) AS r`,
    [JSON.stringify(rows)],
  );
}

export async function insertEventIdentifiers(tx: EntityManager, identifiers: EventIdentifierEntity[]): Promise<void> {
  if (!identifiers.length) return;
  await tx.query(
    `INSERT INTO event_identifiers (event_id, role, identifier)
     SELECT (r->>0)::uuid, r->>1, r->>2 FROM jsonb_array_elements($1::jsonb) AS r`,
    [JSON.stringify(identifiers.map((i) => [i.eventId, i.role, i.identifier]))],
  );
}
