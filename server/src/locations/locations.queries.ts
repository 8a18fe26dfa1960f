import type { EntityManager } from 'typeorm';

/** The batches whose consumer pages show the place: as their origin, or where one of their events happened. */
export async function findBatchesShowingLocation(tx: EntityManager, locationId: string): Promise<string[]> {
  const rows: { id: string }[] = await tx.query(
    `SELECT id FROM batches WHERE origin_location_id = $1
     UNION SELECT eb.batch_id FROM events e JOIN event_batches eb ON eb.event_id = e.id AND eb.record_time = e.record_time WHERE e.location_id = $1`,
    [locationId],
  );
  return rows.map((r) => r.id);
}
