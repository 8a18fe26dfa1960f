import { Column, Entity } from 'typeorm';
import type { IdentifierRole } from './event-identifiers.js';

/** An identifier an event names, normalised: what EPCIS queries match on. Never updated. */
@Entity('event_identifiers')
export class EventIdentifierEntity {
  @Column({ name: 'event_id', type: 'uuid', primary: true }) eventId: string;
  @Column({ type: 'text', primary: true }) role: IdentifierRole;
  @Column({ type: 'text', primary: true }) identifier: string;
}
