import { Injectable } from '@nestjs/common';
import type { NewOutputBatch } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/principal.js';
import { epcClassOf } from '../batch-store/batch-identity.js';
import { BatchEntity } from '../batch-store/batch.entity.js';
import { DomainError } from '../common/errors/domain-error.js';
import { inTurns } from '../common/in-turns.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { insertAll } from '../database/insert-all.js';
import type { LocationEntity } from '../locations/location.entity.js';
import type { ProductEntity } from '../products/product.entity.js';
import { PORTAL_EVENT_CONTEXT } from './epcis-event.builder.js';
import { CaptureProblem, EventCapture, isPlanned, type PlannedEvent } from './event-capture.js';
import { normalizeIdentifier } from './event-identifiers.js';
import { EventStore } from './event-store.js';
import type { EventEntity } from './event.entity.js';
import { newBatch } from './new-batch.js';
import { findTakenLots } from './stage-events.queries.js';

/** A batch row to make: of a product, with its lot's fields and place of origin; `field` prefixes its error paths. */
export interface NewBatchRow {
  product: ProductEntity;
  fields: NewOutputBatch;
  origin: LocationEntity | null;
  field: string;
}

/**
 * The portal's forms write through the one capture path too; its refusals become the API's
 * errors, naming the field, and a duplicate is a conflict rather than a silent no-op. The batches
 * they make (a registration in batches/, processing's new outputs) are written here too, as EPCIS
 * capture makes the lots its events name, so that the events named them earlier are linked.
 */
@Injectable()
export class PortalCapture {
  constructor(
    private readonly eventCapture: EventCapture,
    private readonly store: EventStore,
  ) {}

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
    return this.writeAll(tx, actor, businessId, await this.checkAll(tx, actor, businessId, documents), audit);
  }

  /**
   * Checks a set of events as `captureAll` does, reading inside `tx` (their batches locked) and
   * writing nothing: the first refusal refuses them all, and a duplicate is a conflict. `writeAll`
   * writes what it answers.
   */
  async checkAll(tx: EntityManager, actor: Actor, businessId: string, documents: Record<string, unknown>[]): Promise<PlannedEvent[]> {
    const results = await this.eventCapture
      .check(tx, actor, businessId, documents, { context: PORTAL_EVENT_CONTEXT })
      .catch((error: unknown) => {
        // The business itself refused (not verified), before any event.
        throw error instanceof CaptureProblem ? refusal(error) : error;
      });
    const refused = results.find((result) => 'problem' in result);
    if (refused && 'problem' in refused) throw refusal(refused.problem);
    // Nothing was refused, so each event is to be stored or is a duplicate (which undoes the caller's transaction).
    return results.map((result) => {
      if (isPlanned(result)) return result;
      throw new DomainError('DUPLICATE_EVENT', RULE_MESSAGES.events.alreadyRecorded);
    });
  }

  /** Stores events checked by `checkAll`, inside `tx`. */
  async writeAll(tx: EntityManager, actor: Actor, businessId: string, planned: PlannedEvent[], audit = true): Promise<EventEntity[]> {
    return (await this.eventCapture.write(tx, actor, businessId, planned, audit)).map((outcome) => outcome.stored);
  }

  /**
   * Batch rows of products, their dates and lot codes checked first (`field` prefixes the error
   * paths), written in one INSERT; events the business sent before registering the lots (an
   * integrator's order) are linked to them.
   */
  async newBatches(tx: EntityManager, rows: NewBatchRow[]): Promise<BatchEntity[]> {
    const batches = await this.madeBatches(tx, rows);
    await this.writeBatches(tx, rows, batches);
    return batches;
  }

  /** Batch rows as `newBatches` checks and makes them (their ids too), not written yet: `writeBatches` writes them. */
  async madeBatches(tx: EntityManager, rows: NewBatchRow[]): Promise<BatchEntity[]> {
    await this.checkNewBatches(tx, rows);
    // Made in turns: an import's set of 500 took tens of milliseconds at once.
    const batches: BatchEntity[] = [];
    for await (const { product, fields, origin } of inTurns(rows)) {
      batches.push(
        newBatch({
          productId: product.id,
          businessId: product.businessId,
          lotCode: fields.lotCode,
          displayName: fields.displayName ?? null,
          productionDate: fields.productionDate,
          expiryDate: fields.expiryDate ?? null,
          bestBeforeDate: fields.bestBeforeDate ?? null,
          quantity: fields.quantity ?? null,
          unit: fields.quantity !== undefined ? (fields.unit ?? product.unit) : (fields.unit ?? null),
          originLocationId: origin?.id ?? null,
        }),
      );
    }
    return batches;
  }

  /** Writes batches made by `madeBatches` from these rows, in one INSERT, and links earlier events naming their lots. */
  async writeBatches(tx: EntityManager, rows: NewBatchRow[], batches: BatchEntity[]): Promise<void> {
    await insertAll(tx, BatchEntity, batches);
    const lots = rows.flatMap(({ product }, n) =>
      product.gtin
        ? [{ batchId: batches[n]!.id, identifier: normalizeIdentifier(epcClassOf({ ...batches[n]!, gtin: product.gtin })) }]
        : [],
    );
    if (lots.length) await this.store.linkEarlier(tx, rows[0]!.product.businessId, lots);
  }

  /** Refuses batch rows whose dates are out of order or whose lot codes are taken (or repeated among them); writes nothing. */
  async checkNewBatches(db: EntityManager, rows: { product: ProductEntity; fields: NewOutputBatch; field: string }[]): Promise<void> {
    for (const { fields, field } of rows) {
      for (const date of ['expiryDate', 'bestBeforeDate'] as const) {
        const value = fields[date];
        if (value && value < fields.productionDate) {
          throw new DomainError('VALIDATION_FAILED', undefined, { [`${field}${date}`]: [`${date} must not be before productionDate`] });
        }
      }
    }
    const taken = await findTakenLots(
      db,
      rows.map(({ product, fields }) => ({ productId: product.id, lotCode: fields.lotCode })),
    );
    const seen = new Set<string>();
    for (const { product, fields, field } of rows) {
      const key = `${product.id} ${fields.lotCode}`;
      if (taken.has(key) || seen.has(key)) {
        throw new DomainError('LOT_CODE_TAKEN', undefined, { [`${field}lotCode`]: [RULE_MESSAGES.events.lotCodeTaken(fields.lotCode)] });
      }
      seen.add(key);
    }
  }
}

/** A rule an event breaks, as the API's error naming the field. */
function refusal(problem: CaptureProblem): DomainError {
  const field = problem.pointer.replace(/^\//, '').replace(/\//g, '.');
  return new DomainError(problem.code, problem.text, field ? { [field]: [problem.text] } : undefined);
}
