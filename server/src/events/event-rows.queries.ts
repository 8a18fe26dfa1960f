import type { EntityManager } from 'typeorm';
import type { EventIdentifierEntity } from './event-identifier.entity.js';
import type { EventBatchEntity, EventEntity } from './event.entity.js';

/*
 * Many events, their links and identifiers, each set in one INSERT whose rows travel as one JSON
 * parameter: a document's thousands of rows cost one round trip each and no statement building.
 */

export async function insertEvents(tx: EntityManager, events: EventEntity[]): Promise<void> {
  if (!events.length) return;
  const rows = events.map((e) => ({
    id: e.id,
    event_id: e.eventId,
    event_type: e.eventType,
    action: e.action,
    biz_step: e.bizStep,
    disposition: e.disposition,
    event_time: e.eventTime,
    event_time_zone_offset: e.eventTimeZoneOffset,
    record_time: e.recordTime,
    read_point: e.readPoint,
    biz_location: e.bizLocation,
    location_id: e.locationId,
    business_id: e.businessId,
    recorded_by: e.recordedBy,
    source_business_id: e.sourceBusinessId,
    destination_business_id: e.destinationBusinessId,
    document: e.document,
    error_declared: e.errorDeclared,
    record_hash: e.recordHash,
  }));
  await tx.query(
    `INSERT INTO events (id, event_id, event_type, action, biz_step, disposition, event_time, event_time_zone_offset, record_time,
                         read_point, biz_location, location_id, business_id, recorded_by, source_business_id, destination_business_id,
                         document, error_declared, record_hash)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r (id uuid, event_id text, event_type text, action text, biz_step text,
       disposition text, event_time timestamptz, event_time_zone_offset text, record_time timestamptz, read_point text,
       biz_location text, location_id uuid, business_id uuid, recorded_by uuid, source_business_id uuid,
       destination_business_id uuid, document jsonb, error_declared boolean, record_hash text)`,
    [JSON.stringify(rows)],
  );
}

export async function insertEventBatches(tx: EntityManager, links: Omit<EventBatchEntity, 'linkedAt' | 'linkHash'>[]): Promise<void> {
  if (!links.length) return;
  const rows = links.map((l) => ({
    event_id: l.eventId,
    batch_id: l.batchId,
    role: l.role,
    quantity: l.quantity,
    unit: l.unit,
    seq: l.seq,
    prev_hash: l.prevHash,
  }));
  await tx.query(
    `INSERT INTO event_batches (event_id, batch_id, role, quantity, unit, seq, prev_hash)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r (event_id uuid, batch_id uuid, role text, quantity numeric, unit text, seq integer, prev_hash text)`,
    [JSON.stringify(rows)],
  );
}

export async function insertEventIdentifiers(tx: EntityManager, identifiers: EventIdentifierEntity[]): Promise<void> {
  if (!identifiers.length) return;
  await tx.query(
    `INSERT INTO event_identifiers (event_id, role, identifier)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r (event_id uuid, role text, identifier text)`,
    [JSON.stringify(identifiers.map((i) => ({ event_id: i.eventId, role: i.role, identifier: i.identifier })))],
  );
}
