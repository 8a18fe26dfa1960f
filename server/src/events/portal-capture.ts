import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { PORTAL_EVENT_CONTEXT } from './epcis-event.builder.js';
import { CaptureProblem, EventCapture } from './event-capture.js';
import type { EventEntity } from './event.entity.js';

/**
 * The portal's forms write through the one capture path too; its refusals become the API's
 * errors, naming the field, and a duplicate is a conflict rather than a silent no-op.
 */
@Injectable()
export class PortalCapture {
  constructor(private readonly eventCapture: EventCapture) {}

  async capture(
    tx: EntityManager,
    actor: Actor,
    businessId: string,
    document: Record<string, unknown>,
    audit = true,
  ): Promise<EventEntity> {
    try {
      const outcome = await this.eventCapture.capture(tx, actor, businessId, document, { context: PORTAL_EVENT_CONTEXT, audit });
      if ('duplicate' in outcome) throw new DomainError('DUPLICATE_EVENT', RULE_MESSAGES.events.alreadyRecorded);
      return outcome.stored;
    } catch (error) {
      if (!(error instanceof CaptureProblem)) throw error;
      const field = error.pointer.replace(/^\//, '').replace(/\//g, '.');
      throw new DomainError(error.code, error.text, field ? { [field]: [error.text] } : undefined);
    }
  }
}
