import type { EntityManager } from 'typeorm';

/** An event stored under an eventID: the record itself, or the error declaration about it. */
export function findStoredEvent(db: EntityManager, eventId: string, errorDeclaration: boolean): Promise<{ id: string }[]> {
  return db.query(`SELECT id FROM events WHERE event_id = $1 AND error_declared = $2`, [eventId, errorDeclaration]);
}

/** The business that recorded an event (not its error declaration). */
export function findRecorderOf(db: EntityManager, eventId: string): Promise<{ business_id: string | null }[]> {
  return db.query(`SELECT business_id FROM events WHERE event_id = $1 AND NOT error_declared`, [eventId]);
}

/** Which of these eventIDs an error declaration names. */
export function findDeclaredEventIds(db: EntityManager, eventIds: string[]): Promise<{ event_id: string }[]> {
  return db.query(`SELECT event_id FROM events WHERE error_declared AND event_id = ANY($1::text[])`, [eventIds]);
}
