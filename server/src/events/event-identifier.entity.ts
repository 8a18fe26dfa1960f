import { Column, Entity } from 'typeorm';
import type { PlaceRole } from '@nguon/shared';
import type { IdentifierRole } from './event-identifiers.js';
import type { EventRecordTime } from './event.entity.js';

/** An identifier, place or party an event names, normalised: what EPCIS queries and late links match on. Never updated. */
@Entity('event_identifiers')
export class EventIdentifierEntity {
  @Column({ name: 'event_id', type: 'uuid', primary: true }) eventId: string;
  @Column({ name: 'record_time', type: 'timestamptz' }) recordTime: EventRecordTime;
  @Column({ type: 'text', primary: true }) role: IdentifierRole | PlaceRole;
  @Column({ type: 'text', primary: true }) identifier: string;
}
