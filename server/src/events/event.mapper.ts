import { stageOf, type EventView } from '@nguon/shared';
import type { EventEntity } from './event.entity.js';

/** `declaredWrong`: whether an error declaration names this event (the caller knows; a lone event is not). */
export function mapEvent(e: EventEntity, declaredWrong = false): EventView {
  return {
    id: e.id,
    eventId: e.eventId,
    eventType: e.eventType,
    stage: stageOf(e.eventType, e.bizStep),
    action: e.action,
    bizStep: e.bizStep,
    disposition: e.disposition,
    eventTime: e.eventTime.toISOString(),
    eventTimeZoneOffset: e.eventTimeZoneOffset,
    recordTime: e.recordTime.toISOString(),
    businessId: e.businessId,
    locationId: e.locationId,
    errorDeclaration: e.errorDeclared,
    declaredWrong: !e.errorDeclared && declaredWrong,
    epcis: { ...e.document, recordTime: e.recordTime.toISOString() },
  };
}
