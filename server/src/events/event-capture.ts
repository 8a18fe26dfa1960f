import { Injectable } from '@nestjs/common';
import { stageOf } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { BatchEntity } from '../batch-store/batch.entity.js';
import { BusinessEntity } from '../businesses/business.entity.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { insertAll } from '../database/insert-all.js';
import { RecordsService } from '../records/records.service.js';
import { inTurns } from '../common/in-turns.js';
import { CaptureProblem, checkAlone, identified } from './event-checks.js';
import { planEvent, type CaptureNote, type PlannedEvent } from './event-plan.js';
import { EventStore, type AppendEvent } from './event-store.js';
import type { EventEntity } from './event.entity.js';
import { NamedRecords } from './named-records.js';

export { CaptureProblem } from './event-checks.js';
export type { CaptureNote, PlannedEvent } from './event-plan.js';

export type StoredOutcome = { stored: EventEntity; batchIds: string[]; notes: CaptureNote[] };

export type CaptureOutcome = StoredOutcome | { duplicate: true; eventId: string };

/** What became of one event of a set: stored, a duplicate, refused, or withheld (it passed, but another was refused and nothing was stored). */
export type CaptureResult = CaptureOutcome | { problem: CaptureProblem } | { withheld: true };

export interface CaptureOptions {
  /** The document's JSON-LD context. */
  context?: unknown;
  /** One audit entry per stored event (the default); a use case that audits a larger write says false. */
  audit?: boolean;
  /** The caller checked that the business is verified, once for all its events. */
  checkedBusiness?: boolean;
  /** What a broken rule does: `stop` stores nothing and checks no further (the default), `skip` stores the other events. */
  onProblem?: 'stop' | 'skip';
}

/**
 * The one path into the event store, for EPCIS documents from integrators and for the portal's
 * own forms alike (a form's event is a set of one): the portal's rules on top of GS1's schema,
 * then the events as received with their projections, their batch links and their places in each
 * batch's hash chain. A set costs a few queries however many events it holds: what they name is
 * looked up at once, the rules are checked in memory event by event (each seeing the ones before
 * it), and the accepted events are written together.
 */
@Injectable()
export class EventCapture {
  constructor(
    private readonly store: EventStore,
    private readonly audit: AuditTrail,
    private readonly records: RecordsService,
  ) {}

  /**
   * Captures one event inside `tx` for the acting business. A duplicate eventID is reported, not
   * stored again: capture is idempotent on it. Throws CaptureProblem when a rule is broken.
   */
  async capture(
    tx: EntityManager,
    actor: Actor,
    businessId: string,
    input: Record<string, unknown>,
    options: Omit<CaptureOptions, 'onProblem'> = {},
  ): Promise<CaptureOutcome> {
    const [result] = await this.captureAll(tx, actor, businessId, [input], options);
    if ('problem' in result!) throw result.problem;
    return result as CaptureOutcome;
  }

  /**
   * Captures events inside `tx` for the acting business, in order, and answers for each of them
   * (with `stop`, up to the first refused, and nothing is written if one was).
   */
  async captureAll(
    tx: EntityManager,
    actor: Actor,
    businessId: string,
    inputs: Record<string, unknown>[],
    options: CaptureOptions = {},
  ): Promise<CaptureResult[]> {
    const decided = await this.check(tx, actor, businessId, inputs, options);
    const accepted = decided.filter(isPlanned);
    const refused = (options.onProblem ?? 'stop') === 'stop' && decided.some((d) => 'problem' in d);
    const stored = refused ? [] : await this.write(tx, actor, businessId, accepted, options.audit !== false);
    const outcomes = new Map(stored.map((outcome, n) => [accepted[n]!, outcome]));
    return decided.map((d) => (isPlanned(d) ? (outcomes.get(d) ?? { withheld: true }) : d));
  }

  /**
   * Checks events for the acting business, in order, reading through `reader` and writing
   * nothing: each is planned (ready to `write`), a duplicate, or refused; with `stop`, up to the
   * first refused. Each event is checked as if the ones planned before it were stored, so a set
   * may be written in several slices later, provided nothing else writes in between.
   */
  async check(
    reader: EntityManager,
    actor: Actor,
    businessId: string,
    inputs: Record<string, unknown>[],
    options: CaptureOptions = {},
  ): Promise<CheckedEvent[]> {
    const decided: CheckedEvent[] = [];
    const read = await this.readEach(inputs, options.context);
    for await (const slice of this.checkInSlices(reader, actor, businessId, read, options, inputs.length)) decided.push(...slice);
    return decided;
  }

  /**
   * The events as they are stored (an eventID made for one sent without), each with the rule it
   * breaks on its own, if any: the part of the checks that reads nothing, so it may run before
   * the rest (while a capture run before it writes).
   */
  async readEach(inputs: Record<string, unknown>[], context: unknown): Promise<ReadEvents> {
    const read: ReadEvents = { events: [], alone: [] };
    // In turns, as the checks below: an event without an eventID is hashed for one.
    for await (const input of inTurns(inputs)) {
      const event = identified(input, context);
      read.events.push(event);
      read.alone.push(problemOf(() => checkAlone(event)));
    }
    return read;
  }

  /**
   * Checks events read by `readEach` as `check` does, answering slice by slice (of `size` events)
   * as the rules pass over them: what the events name is looked up (and their batches locked)
   * before the first slice, so the slices checked so far can be written while the next ones are
   * checked.
   */
  async *checkInSlices(
    reader: EntityManager,
    actor: Actor,
    businessId: string,
    { events, alone }: ReadEvents,
    options: CaptureOptions,
    size: number,
  ): AsyncGenerator<CheckedEvent[]> {
    const onProblem = options.onProblem ?? 'stop';
    // A set's events are checked against one business status, read once for all of them.
    if (!options.checkedBusiness) await this.assertVerified(reader, businessId);
    const named = await NamedRecords.lookUp(
      reader,
      businessId,
      events.filter((_, index) => !alone[index]),
      (batchIds) => this.records.shippedTo(batchIds, businessId, reader),
    );
    const recordedBy = actor.principal.kind === 'user' ? actor.principal.id : null;
    let decided: CheckedEvent[] = [];
    // Checked in turns: a set of thousands must not keep a shopper's page waiting.
    for await (const [index, event] of inTurns([...events.entries()])) {
      let plan: ReturnType<typeof planEvent> | undefined;
      const problem = alone[index] ?? problemOf(() => (plan = planEvent(event, businessId, recordedBy, named)));
      decided.push(problem ? { problem } : plan!);
      if (problem && onProblem === 'stop') break;
      // Later events of the set see this one and the batches it creates.
      if (plan && 'append' in plan) named.accept(String(event.eventID), event.errorDeclaration !== undefined, businessId, plan.created);
      if (decided.length === size) {
        yield decided;
        decided = [];
      }
    }
    if (decided.length) yield decided;
  }

  /** Only a verified business writes into the records people rely on. */
  async assertVerified(tx: EntityManager, businessId: string): Promise<void> {
    const business = await tx.getRepository(BusinessEntity).findOneByOrFail({ id: businessId });
    if (business.status !== 'verified') throw new CaptureProblem('', RULE_MESSAGES.events.businessNotVerified, 'BUSINESS_NOT_VERIFIED');
  }

  /**
   * Stores checked events inside `tx`, in their order, given at once or slice by slice as their
   * checks pass: the new batches, then the events, then the links of earlier events to the new
   * batches; each set in multi-row INSERTs.
   */
  async write(
    tx: EntityManager,
    actor: Actor,
    businessId: string,
    accepted: PlannedEvent[] | AsyncIterable<PlannedEvent[]>,
    audit: boolean,
  ): Promise<StoredOutcome[]> {
    const plans: PlannedEvent[] = [];
    const created: [string, BatchEntity][] = [];
    const stored = await this.store.appendAll(tx, this.appended(tx, accepted, plans, created));
    // Events sent before (in earlier documents, or earlier in this one) that named a new lot are linked now.
    await this.store.linkEarlier(
      tx,
      businessId,
      created.map(([identifier, batch]) => ({ batchId: batch.id, identifier })),
    );
    const outcomes = plans.map((plan, n): StoredOutcome => {
      const batchIds = [...new Set(plan.append.links.map((l) => l.batchId))];
      return { stored: stored[n]!, batchIds, notes: plan.notes };
    });
    // A use case that makes the events part of a larger write (registering a batch, a document) audits that write instead.
    if (audit) {
      await this.audit.recordAll(
        tx,
        actor,
        outcomes.map(({ stored: event, batchIds }) => ({
          action: event.errorDeclared ? 'event.declare_error' : 'event.record',
          targetType: 'event',
          targetId: event.eventId,
          businessId,
          details: { type: event.eventType, stage: stageOf(event.eventType, event.bizStep), bizStep: event.bizStep, batches: batchIds },
        })),
      );
    }
    return outcomes;
  }

  /** The events to append, slice by slice, once the batches they create are stored; the plans and new batches gathered on the way. */
  private async *appended(
    tx: EntityManager,
    accepted: PlannedEvent[] | AsyncIterable<PlannedEvent[]>,
    plans: PlannedEvent[],
    created: [string, BatchEntity][],
  ): AsyncGenerator<AppendEvent[]> {
    for await (const slice of Array.isArray(accepted) ? [accepted] : accepted) {
      const batches = slice.flatMap((plan) => [...plan.created]);
      await insertAll(
        tx,
        BatchEntity,
        batches.map(([, batch]) => batch),
      );
      plans.push(...slice);
      created.push(...batches);
      yield slice.map((plan) => plan.append);
    }
  }
}

/** Events as `readEach` read them, with the rule each breaks on its own. */
export interface ReadEvents {
  events: Record<string, unknown>[];
  alone: (CaptureProblem | undefined)[];
}

/** An event as `check` found it: ready to store, a duplicate, or refused. */
export type CheckedEvent = PlannedEvent | { duplicate: true; eventId: string } | { problem: CaptureProblem };

export function isPlanned(event: CheckedEvent): event is PlannedEvent {
  return 'append' in event;
}

/** The rule an event breaks in `check`, if any. */
function problemOf(check: () => unknown): CaptureProblem | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof CaptureProblem) return error;
    throw error;
  }
}
