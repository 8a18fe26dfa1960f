import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { epcisDocumentEvents, eventHashId, type EventView } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { TenancyPolicy } from '../auth/tenancy.policy.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { CaptureProblem, EventCapture } from '../events/event-capture.js';
import { mapEvent } from '../events/event.mapper.js';
import { CaptureJobEntity, type CaptureError, type CaptureWarning } from './capture-job.entity.js';
import { validateEpcisDocument } from './epcis-schema.js';

/** Events per captured document: generous, since a day's records of a packing house run to thousands. */
export const CAPTURE_EVENT_LIMIT = 10_000;

/**
 * `GS1-Capture-Error-Behaviour`: `rollback` stops at the first error and stores nothing; `proceed`
 * stores every good event; `all` checks every event and reports every error, then stores nothing
 * if there was one.
 */
export const ERROR_BEHAVIOURS = ['rollback', 'proceed', 'all'] as const;
export type ErrorBehaviour = (typeof ERROR_BEHAVIOURS)[number];

/** Warnings a job lists; beyond them it says how many more there were (an item-level document may name thousands of unknown items). */
export const CAPTURE_WARNINGS_LISTED = 1_000;

/** Where in the document an event sits. */
const eventPointer = (index: number) => `/epcisBody/eventList/${index}`;

/** The EPCIS 2.0 capture interface: documents (as jobs) and single events. */
@Injectable()
export class EpcisCaptureService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly capture: EventCapture,
    private readonly changes: BatchChanges,
    private readonly audit: AuditTrail,
  ) {}

  /** The business a capture writes for: an API key's, or the user's (named when they have several). */
  actingBusiness(actor: Actor, requested?: string): string {
    const principal = actor.principal;
    const candidates = principal.kind === 'api_key' ? [principal.businessId] : requested ? [requested] : [...principal.memberships.keys()];
    if (principal.kind === 'user' && !requested && candidates.length > 1) {
      throw new DomainError('VALIDATION_FAILED', RULE_MESSAGES.epcis.severalBusinesses, { businessId: ['businessId is required'] });
    }
    return TenancyPolicy.actingBusiness(principal, candidates);
  }

  /**
   * Captures a document: GS1's schema first (a document that fails it is refused at once, 400,
   * every failing field named), then each event through the portal's rules as the behaviour says.
   * The job records the outcome either way.
   */
  async captureDocument(actor: Actor, businessId: string, document: unknown, behaviour: ErrorBehaviour): Promise<CaptureJobEntity> {
    const { events, context } = epcisDocumentEvents(document);
    if (events.length > CAPTURE_EVENT_LIMIT) {
      throw new DomainError('PAYLOAD_TOO_LARGE', RULE_MESSAGES.epcis.tooManyEvents(CAPTURE_EVENT_LIMIT));
    }
    assertSchemaValid(document);
    const errors: CaptureError[] = [];

    await this.capture.assertVerified(this.db.manager, businessId).catch((error: unknown) => {
      throw error instanceof CaptureProblem ? new DomainError(error.code, error.text) : error;
    });
    const touched = new Set<string>();
    const warnings: CaptureWarning[] = [];
    let unlisted = 0;
    let captured = 0;
    const run = async () => {
      await this.db.transaction(async (tx) => {
        for (const [index, event] of events.entries()) {
          try {
            // `proceed` and `all` need a savepoint per event to drop a bad one and go on; `rollback` does not.
            const one = (manager: typeof tx) =>
              this.capture.capture(manager, actor, businessId, event, { context, audit: false, checkedBusiness: true });
            const outcome = behaviour === 'rollback' ? await one(tx) : await tx.transaction(one);
            if ('stored' in outcome) {
              captured++;
              outcome.batchIds.forEach((id) => touched.add(id));
              for (const note of outcome.notes) {
                const { eventId } = outcome.stored;
                if (warnings.length >= CAPTURE_WARNINGS_LISTED) {
                  unlisted++;
                  continue;
                }
                warnings.push({
                  eventIndex: index,
                  eventId,
                  pointer: `${eventPointer(index)}${note.pointer}`,
                  code: note.code,
                  message: note.text.en,
                });
              }
            }
          } catch (error) {
            if (!(error instanceof CaptureProblem)) throw error;
            errors.push({
              eventIndex: index,
              // The eventID the event would have had: the document's, or its canonical hash.
              eventId: typeof event.eventID === 'string' ? event.eventID : eventHashId(event, context),
              pointer: `${eventPointer(index)}${error.pointer}`,
              code: error.code,
              message: error.text.en,
            });
            if (behaviour === 'rollback') throw new RollBack();
          }
        }
        if (behaviour === 'all' && errors.length) throw new RollBack();
      });
    };
    try {
      await run();
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
      captured = 0;
      touched.clear();
      warnings.length = 0;
      unlisted = 0;
    }
    if (unlisted) {
      const message = RULE_MESSAGES.epcis.warningsNotListed(unlisted).en;
      warnings.push({ eventIndex: null, eventId: null, pointer: '', code: 'WARNINGS_NOT_LISTED', message });
    }
    await this.changes.publish([...touched]);
    return this.finish(actor, businessId, events.length, behaviour, captured, errors, warnings);
  }

  /** One event, synchronously: 201 with the stored event, or 409 when its eventID exists. */
  async captureEvent(actor: Actor, businessId: string, event: Record<string, unknown>): Promise<EventView> {
    assertSchemaValid(
      {
        '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
        type: 'EPCISDocument',
        schemaVersion: '2.0',
        creationDate: new Date().toISOString(),
        epcisBody: { eventList: [event] },
      },
      (pointer) => pointer.replace(/^\/epcisBody\/eventList\/0\/?/, '/') || '/',
    );
    try {
      const outcome = await this.db.transaction((tx) => this.capture.capture(tx, actor, businessId, event));
      if ('duplicate' in outcome) throw new DomainError('DUPLICATE_EVENT');
      await this.changes.publish(outcome.batchIds);
      return mapEvent(outcome.stored);
    } catch (error) {
      if (!(error instanceof CaptureProblem)) throw error;
      throw new DomainError(error.code, error.text, { [error.pointer || '/']: [error.text] });
    }
  }

  async getJob(actor: Actor, jobId: string): Promise<CaptureJobEntity> {
    const job = await this.db.getRepository(CaptureJobEntity).findOneBy({ id: jobId });
    const own =
      job &&
      (actor.principal.kind === 'api_key'
        ? job.businessId === actor.principal.businessId
        : job.userId === actor.principal.id || TenancyPolicy.actsForAny(actor.principal, job.businessId ? [job.businessId] : []));
    if (!job || !(own || TenancyPolicy.readsEverything(actor.principal))) throw new DomainError('NOT_FOUND');
    return job;
  }

  private finish(
    actor: Actor,
    businessId: string,
    eventCount: number,
    behaviour: ErrorBehaviour,
    captured: number,
    errors: CaptureError[],
    warnings: CaptureWarning[] = [],
  ): Promise<CaptureJobEntity> {
    const status = errors.length === 0 ? 'success' : captured > 0 ? 'partial' : 'failed';
    // One audit entry per document: the job it names lists what happened to each event.
    return this.db.transaction(async (tx) => {
      const repository = tx.getRepository(CaptureJobEntity);
      const job = await repository.save(
        repository.create({
          businessId,
          userId: actor.principal.kind === 'user' ? actor.principal.id : null,
          apiKeyId: actor.principal.kind === 'api_key' ? actor.principal.id : null,
          status,
          errorBehaviour: behaviour,
          eventCount,
          capturedCount: captured,
          errors,
          warnings,
          finishedAt: new Date(),
        }),
      );
      await this.audit.record(
        tx,
        { ...actor, businessId },
        { action: 'epcis.capture', targetType: 'capture_job', targetId: job.id, details: { status, eventCount, capturedCount: captured } },
      );
      return job;
    });
  }
}

/** Unwinds the document's transaction when one event fails and nothing may be kept. */
class RollBack extends Error {}

/** A document GS1's schema refuses is refused whole (400), each failing field named by its JSON pointer. */
function assertSchemaValid(document: unknown, fieldOf: (pointer: string) => string = (pointer) => pointer || '/'): void {
  const schema = validateEpcisDocument(document);
  if (schema.valid) return;
  const fieldErrors: Record<string, string[]> = {};
  for (const error of schema.errors) (fieldErrors[fieldOf(error.pointer)] ??= []).push(error.message);
  throw new DomainError('VALIDATION_FAILED', RULE_MESSAGES.epcis.schemaRefused(Object.keys(fieldErrors).length), fieldErrors);
}
