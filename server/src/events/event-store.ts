import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventBatchRole, UnitCode } from '@nguon/shared';
import { normalizeBizStep } from '@nguon/shared';
import { EventBatchEntity, EventEntity } from './event.entity.js';

export interface BatchLink {
  batchId: string;
  role: EventBatchRole;
  quantity?: number | null;
  unit?: UnitCode | null;
}

export interface AppendEvent {
  document: Record<string, unknown>;
  links: BatchLink[];
  locationId?: string | null;
  businessId?: string | null;
  recordedBy?: string | null;
  sourceBusinessId?: string | null;
  destinationBusinessId?: string | null;
}

function idOf(value: unknown): string | null {
  return value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : null;
}

/**
 * The one way into the event store: stores the EPCIS event as received, with its projections and
 * batch links, inside the caller's transaction.
 */
@Injectable()
export class EventStore {
  async append(tx: EntityManager, input: AppendEvent): Promise<EventEntity> {
    const doc = input.document;
    const event = tx.getRepository(EventEntity).create({
      eventId: String(doc.eventID),
      eventType: String(doc.type),
      action: typeof doc.action === 'string' ? doc.action : null,
      bizStep: typeof doc.bizStep === 'string' ? normalizeBizStep(doc.bizStep) : null,
      disposition: typeof doc.disposition === 'string' ? doc.disposition : null,
      eventTime: new Date(String(doc.eventTime)),
      eventTimeZoneOffset: String(doc.eventTimeZoneOffset),
      readPoint: idOf(doc.readPoint),
      bizLocation: idOf(doc.bizLocation),
      locationId: input.locationId ?? null,
      businessId: input.businessId ?? null,
      recordedBy: input.recordedBy ?? null,
      sourceBusinessId: input.sourceBusinessId ?? null,
      destinationBusinessId: input.destinationBusinessId ?? null,
      document: doc,
    });
    const saved = await tx.getRepository(EventEntity).save(event);
    if (input.links.length) {
      await tx.getRepository(EventBatchEntity).insert(input.links.map((l) => ({
        eventId: saved.id, batchId: l.batchId, role: l.role, quantity: l.quantity ?? null, unit: l.unit ?? null,
      })));
    }
    return saved;
  }
}
