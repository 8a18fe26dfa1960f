import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventView, ReceiveShipmentRequest, UnitCode } from '@nguon/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { epcClassOf } from '../batch-store/batch-identity.js';
import { BatchEntity } from '../batch-store/batch.entity.js';
import { findBatchesOrFail, findBatchOrFail } from '../batch-store/find-batch.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { eventTimeOf } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { inTurns } from '../common/in-turns.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { ProductEntity } from '../products/product.entity.js';
import { RecordsService } from '../records/records.service.js';
import type { RecordProcessingDto } from './dto/record-processing.dto.js';
import type { RecordStageDto } from './dto/record-stage.dto.js';
import { buildStageEvent, ilmdOf } from './epcis-event.builder.js';
import type { PlannedEvent } from './event-capture.js';
import type { EventEntity } from './event.entity.js';
import { mapEvent } from './event.mapper.js';
import { PortalCapture } from './portal-capture.js';
import { MassBalance } from './mass-balance.js';
import { locationUri } from './portal-extensions.js';
import { ruleViolated, StageEventPreparer } from './stage-event.preparer.js';
import { lockBatches } from './stage-events.queries.js';

/** Stages checked and their events ready to store, by whom. */
export interface CheckedStages {
  actor: Actor;
  events: PlannedEvent[];
}

/**
 * The business side's recording use cases. Each builds an EPCIS event and writes it through the
 * event store in one transaction with whatever else changes. A caller that writes many records
 * all-or-nothing (a bulk import) passes its own transaction, and then announces the changed
 * batches itself once it commits.
 */
@Injectable()
export class EventRecordingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly portalCapture: PortalCapture,
    private readonly stages: StageEventPreparer,
    private readonly changes: BatchChanges,
    private readonly audit: AuditTrail,
    private readonly records: RecordsService,
    private readonly massBalance: MassBalance,
  ) {}

  /**
   * Records one stage (harvest, packing, shipping, receiving...) on one batch. What ships or sells
   * more than remains of the batch is refused unless the person confirmed (`overrideMassBalance`).
   */
  async recordStage(actor: Actor, batchId: string, dto: RecordStageDto, outer?: EntityManager): Promise<EventView> {
    const [event] = await this.within(outer, (tx) => this.recordStagesOnBatches(actor, [{ batchId, dto }], tx));
    if (!outer) await this.changes.publish([batchId]);
    return mapEvent(event!);
  }

  /**
   * Records stages on distinct batches inside `tx` (an import's rows; the form's one): each row's
   * batch, mass balance and stage rules, then their events captured as one set. No row concerns
   * another's batch, so none depends on what another writes.
   */
  async recordStagesOnBatches(actor: Actor, rows: { batchId: string; dto: RecordStageDto }[], tx: EntityManager): Promise<EventEntity[]> {
    return this.writeStages(tx, await this.checkStages(actor, rows, tx));
  }

  /**
   * Checks stages as `recordStagesOnBatches` records them, reading inside `tx` (their batches
   * locked) and writing nothing: their events, ready for `writeStages`.
   */
  async checkStages(actor: Actor, rows: { batchId: string; dto: RecordStageDto }[], tx: EntityManager): Promise<CheckedStages> {
    const actorId = actor.businessId!;
    const batches = await findBatchesOrFail(
      tx,
      rows.map((row) => row.batchId),
    );
    if (batches.size !== rows.length) throw new Error('recordStagesOnBatches takes one row a batch');
    await this.massBalance.assertStagesFit(
      tx,
      actorId,
      rows.filter(({ dto }) => !dto.overrideMassBalance).map(({ batchId, dto }) => ({ batch: batches.get(batchId)!, fields: dto })),
    );
    const documents: Record<string, unknown>[] = [];
    // Prepared in turns: an import's set of 500, each event hashed, took tens of milliseconds at once.
    for await (const { batchId, dto } of inTurns(rows)) documents.push(await this.stages.prepare(tx, actorId, batches.get(batchId)!, dto));
    return { actor, events: await this.portalCapture.checkAll(tx, actor, actorId, documents) };
  }

  /** Stores stages checked by `checkStages`, inside `tx`. */
  writeStages(tx: EntityManager, { actor, events }: CheckedStages): Promise<EventEntity[]> {
    return this.portalCapture.writeAll(tx, actor, actor.businessId!, events);
  }

  /**
   * Locks these batches, in id order, until `tx` ends. A transaction that records stages on many
   * batches (an import's rows, set after set) takes them all first: two such transactions on the same
   * batches then queue up, where row-by-row locks deadlock.
   */
  async lockBatches(tx: EntityManager, batchIds: string[]): Promise<void> {
    await lockBatches(tx, batchIds);
  }

  /**
   * Confirms a shipment to the acting business in one step: a receiving event on its batch from
   * its shipper, with its documents, linked to it. A shipment is received once.
   */
  async receiveShipment(actor: Actor, shipmentEventId: string, dto: ReceiveShipmentRequest): Promise<EventView> {
    const actorId = actor.businessId!;
    const { event, batchId } = await this.db.transaction(async (tx) => {
      const found = await this.records.shipmentById(shipmentEventId, tx);
      if (!found) throw new DomainError('EVENT_NOT_FOUND');
      const batch = await findBatchOrFail(tx, found.batch_id);
      await lockBatches(tx, [batch.id]);
      // Read again under the batch's lock: a confirmation that just committed is seen here.
      const shipment = (await this.records.shipmentById(shipmentEventId, tx))!;
      if (shipment.received) throw new DomainError('SHIPMENT_ALREADY_RECEIVED');
      const document = await this.stages.prepare(tx, actorId, batch, { stage: 'receiving', ...dto }, shipment);
      return { event: await this.portalCapture.capture(tx, actor, actorId, document), batchId: batch.id };
    });
    await this.changes.publish([batchId]);
    return mapEvent(event);
  }

  /**
   * Records processing: input batches used (with quantities) turned into output batches, which
   * may be made in this same step (their rows, with lot master data in the event's `ilmd`).
   */
  async recordProcessing(actor: Actor, dto: RecordProcessingDto, outer?: EntityManager): Promise<EventView> {
    const actorId = actor.businessId!;
    const inputIds = dto.inputs.map((i) => i.batchId);
    const existingOutputIds = dto.outputs.flatMap((o) => (o.batchId !== undefined ? [o.batchId] : []));
    dto.outputs.forEach((o, n) => {
      if ((o.batchId === undefined) === (o.newBatch === undefined)) {
        throw ruleViolated(`outputs.${n}`, RULE_MESSAGES.events.outputEitherBatchOrNew);
      }
    });
    const duplicate = [...inputIds, ...existingOutputIds].find((id, index, all) => all.indexOf(id) !== index);
    if (duplicate) {
      throw ruleViolated('inputs', RULE_MESSAGES.events.batchNamedTwice(duplicate));
    }
    const time = eventTimeOf(dto);

    const { event, outputIds } = await this.within(outer, async (tx) => {
      const found = await tx
        .getRepository(BatchEntity)
        .find({ where: { id: In([...inputIds, ...existingOutputIds]) }, relations: { product: true } });
      const byId = new Map(found.map((b) => [b.id, b]));
      const missing = [
        ...dto.inputs.map((i, n) => [`inputs.${n}.batchId`, i.batchId] as const),
        ...dto.outputs.flatMap((o, n) => (o.batchId !== undefined ? [[`outputs.${n}.batchId`, o.batchId] as const] : [])),
      ].filter(([, id]) => !byId.has(id));
      if (missing.length) {
        throw new DomainError(
          'BATCH_NOT_FOUND',
          undefined,
          Object.fromEntries(missing.map(([field]) => [field, [RULE_MESSAGES.events.noSuchBatch]])),
        );
      }
      if (existingOutputIds.some((id) => byId.get(id)!.businessId !== actorId)) {
        throw ruleViolated('outputs', RULE_MESSAGES.events.outputsMustBeOwn);
      }
      const received = await this.records.shippedTo(inputIds, actorId, tx);
      dto.inputs.forEach((input, n) => {
        const batch = byId.get(input.batchId)!;
        if (batch.businessId !== actorId && !received.has(batch.id)) {
          throw ruleViolated(`inputs.${n}.batchId`, RULE_MESSAGES.events.inputNotOwnOrShipped);
        }
        if (batch.status === 'recalled') throw ruleViolated(`inputs.${n}.batchId`, RULE_MESSAGES.events.recalledInput);
      });
      if (!dto.overrideMassBalance) {
        // Every batch the event will touch, at once and in order, as the event store would lock them.
        await lockBatches(tx, [...inputIds, ...existingOutputIds]);
        await this.massBalance.assertRemains(
          tx,
          actorId,
          dto.inputs.map((input, n) => ({
            batchId: input.batchId,
            lotCode: byId.get(input.batchId)!.lotCode,
            quantity: input.quantity,
            unit: input.unit,
            field: `inputs.${n}.quantity`,
          })),
        );
      }
      const place = dto.locationId ? await this.stages.ownLocation(tx, actorId, dto.locationId, 'locationId') : null;

      const outputs: { batch: BatchEntity & { product: ProductEntity }; quantity?: number; unit?: UnitCode }[] = [];
      for (const [n, output] of dto.outputs.entries()) {
        if (output.newBatch) {
          const product = await this.ownProduct(tx, actorId, output.newBatch.productId, `outputs.${n}.newBatch.productId`);
          const [made] = await this.portalCapture.newBatches(tx, [
            { product, fields: output.newBatch, origin: null, field: `outputs.${n}.newBatch.` },
          ]);
          outputs.push({ batch: Object.assign(made!, { product }), quantity: made!.quantity ?? undefined, unit: made!.unit ?? undefined });
        } else {
          const batch = byId.get(output.batchId!)! as BatchEntity & { product: ProductEntity };
          outputs.push({
            batch,
            quantity: output.quantity,
            unit: output.quantity !== undefined ? (output.unit ?? batch.product.unit) : undefined,
          });
        }
      }
      const classOf = (b: BatchEntity & { product?: ProductEntity }) => epcClassOf({ ...b, gtin: b.product!.gtin });
      const made = outputs.filter((_, n) => dto.outputs[n]!.newBatch);
      const document = buildStageEvent({
        stage: 'processing',
        ...time,
        inputs: dto.inputs.map((i) => ({ epcClass: classOf(byId.get(i.batchId)!), quantity: i.quantity, uom: i.unit })),
        quantities: outputs.map((o) => ({ epcClass: classOf(o.batch), quantity: o.quantity, uom: o.unit })),
        location: place ? locationUri(place) : undefined,
        bizTransactions: dto.bizTransactions,
        note: dto.note,
        // EPCIS gives a transformation one ilmd, for the lot it makes; with several new lots the first speaks.
        ilmd: made[0] ? ilmdOf(made[0].batch) : undefined,
      });
      const stored = await this.portalCapture.capture(tx, actor, actorId, document);
      for (const { batch } of made) {
        await this.audit.record(tx, actor, {
          action: 'batch.register',
          targetType: 'batch',
          targetId: batch.id,
          details: { lotCode: batch.lotCode, productId: batch.productId, eventId: stored.eventId },
        });
      }
      return { event: stored, outputIds: outputs.map((o) => o.batch.id) };
    });
    if (!outer) await this.changes.publish([...inputIds, ...outputIds]);
    return mapEvent(event);
  }

  private within<T>(outer: EntityManager | undefined, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return outer ? work(outer) : this.db.transaction(work);
  }

  private async ownProduct(tx: EntityManager, businessId: string, productId: string, field: string): Promise<ProductEntity> {
    const product = await tx.getRepository(ProductEntity).findOneBy({ id: productId, businessId });
    if (!product)
      throw new DomainError('PRODUCT_NOT_FOUND', undefined, {
        [field]: [RULE_MESSAGES.events.noSuchProductOfBusiness],
      });
    return product;
  }
}
