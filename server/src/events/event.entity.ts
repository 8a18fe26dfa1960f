import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EventBatchRole, UnitCode } from '@nguon/shared';
import { numericTransformer } from '../database/column-transformers.js';

export type LatePlaceField = 'location' | 'source' | 'destination';

/**
 * An event's record time as a row that names the event carries it (decision record 0035): with
 * the event's id, its key, so that a join to the event probes its month's partition alone. The
 * event store gives the Date it wrote the event with; late links give the time read back as exact
 * text, since a Date drops PostgreSQL's microseconds and the times must be equal.
 */
export type EventRecordTime = Date | string;

/**
 * An EPCIS event exactly as captured, with the columns queries filter on. Never updated, but for
 * an empty place or party column taking a late link (EventPlaceLinkEntity) once it is recorded.
 */
@Entity('events')
export class EventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'event_id' }) eventId: string;
  @Column({ name: 'event_type' }) eventType: string;
  @Column({ type: 'text', nullable: true }) action: string | null;
  @Column({ name: 'biz_step', type: 'text', nullable: true }) bizStep: string | null;
  @Column({ type: 'text', nullable: true }) disposition: string | null;
  @Column({ name: 'event_time', type: 'timestamptz' }) eventTime: Date;
  @Column({ name: 'event_time_zone_offset' }) eventTimeZoneOffset: string;
  @Column({ name: 'record_time', type: 'timestamptz' }) recordTime: Date;
  @Column({ name: 'read_point', type: 'text', nullable: true }) readPoint: string | null;
  @Column({ name: 'biz_location', type: 'text', nullable: true }) bizLocation: string | null;
  @Column({ name: 'location_id', type: 'uuid', nullable: true }) locationId: string | null;
  @Column({ name: 'business_id', type: 'uuid', nullable: true }) businessId: string | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy: string | null;
  @Column({ name: 'source_business_id', type: 'uuid', nullable: true }) sourceBusinessId: string | null;
  @Column({ name: 'destination_business_id', type: 'uuid', nullable: true }) destinationBusinessId: string | null;
  @Column({ type: 'jsonb' }) document: Record<string, unknown>;
  /** An error declaration: it repeats the eventID of the event it declares wrong. */
  @Column({ name: 'error_declared', type: 'boolean', default: false }) errorDeclared: boolean;
  /** Hash of this record and of each linked batch's previous record (null before chaining existed). */
  @Column({ name: 'record_hash', type: 'text', nullable: true }) recordHash: string | null;
}

/** Which batches an event concerns, and how: the edges that trace walks follow. */
@Entity('event_batches')
export class EventBatchEntity {
  @Column({ name: 'event_id', type: 'uuid', primary: true }) eventId: string;
  /** The event's record time, the rest of its key (see `EventRecordTime`). */
  @Column({ name: 'record_time', type: 'timestamptz' }) recordTime: EventRecordTime;
  @Column({ name: 'batch_id', type: 'uuid', primary: true }) batchId: string;
  @Column({ type: 'text', primary: true }) role: EventBatchRole;
  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer }) quantity: number | null;
  @Column({ type: 'text', nullable: true }) unit: UnitCode | null;
  /** Place in the batch's chain, and the record hash of the batch's event before it. */
  @Column({ type: 'integer', nullable: true }) seq: number | null;
  @Column({ name: 'prev_hash', type: 'text', nullable: true }) prevHash: string | null;
  /** A link made after the event was stored (its batch registered later): when, and the hash of that record. */
  @Column({ name: 'linked_at', type: 'timestamptz', nullable: true }) linkedAt: Date | null;
  @Column({ name: 'link_hash', type: 'text', nullable: true }) linkHash: string | null;
}

/** A place or party registered after the event that named it, linked then: a record of its own, hashed over the event's record hash. */
@Entity('event_place_links')
export class EventPlaceLinkEntity {
  @Column({ name: 'event_id', type: 'uuid', primary: true }) eventId: string;
  @Column({ name: 'record_time', type: 'timestamptz' }) recordTime: EventRecordTime;
  @Column({ type: 'text', primary: true }) field: LatePlaceField;
  /** The location (field `location`) or the business (`source`, `destination`). */
  @Column({ name: 'linked_id', type: 'uuid' }) linkedId: string;
  @Column({ name: 'linked_at', type: 'timestamptz' }) linkedAt: Date;
  @Column({ name: 'link_hash', type: 'text' }) linkHash: string;
}
