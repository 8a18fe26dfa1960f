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
    const [stored] = await this.captureAll(tx, actor, businessId, [document], audit);
    return stored!;
  }

  /** Several events of one write (an import's batches), as one set: the first refusal refuses them all. */
  async captureAll(
    tx: EntityManager,
    actor: Actor,
    businessId: string,
    documents: Record<string, unknown>[],
    audit = true,
  ): Promise<EventEntity[]> {
    const results = await this.eventCapture
      .captureAll(tx, actor, businessId, documents, { context: PORTAL_EVENT_CONTEXT, audit })
      .catch((error: unknown) => {
        // The business itself refused (not verified), before any event.
        throw error instanceof CaptureProblem ? refusal(error) : error;
      });
    const refused = results.find((result) => 'problem' in result);
    if (refused && 'problem' in refused) throw refusal(refused.problem);
    // Nothing was refused, so each event was stored or is a duplicate (which undoes the caller's transaction).
    return results.map((result) => {
      if ('stored' in result) return result.stored;
      throw new DomainError('DUPLICATE_EVENT', RULE_MESSAGES.events.alreadyRecorded);
    });
  }
}

/** A rule an event breaks, as the API's error naming the field. */
function refusal(problem: CaptureProblem): DomainError {
  const field = problem.pointer.replace(/^\//, '').replace(/\//g, '.');
  return new DomainError(problem.code, problem.text, field ? { [field]: [problem.text] } : undefined);
}
