import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BatchView, EventView, LocalizedText } from '@nguon/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { EventEntity } from './event.entity.js';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { epcClassOf, newShortCode } from '../batches/batch-identity.js';
import { BatchEntity } from '../batches/batch.entity.js';
import { mapBatch } from '../batches/batch.mapper.js';
import { BatchesService } from '../batches/batches.service.js';
import { BusinessEntity } from '../businesses/business.entity.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { eventTimeOf } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { LocationEntity } from '../locations/location.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import type { CreateBatchDto } from './dto/create-batch.dto.js';
import type { RecordProcessingDto } from './dto/record-processing.dto.js';
import type { RecordStageDto } from './dto/record-stage.dto.js';
import { buildStageEvent, PORTAL_EVENT_CONTEXT } from './epcis-event.builder.js';
import { CaptureProblem, EventCapture } from './event-capture.js';
import { mapEvent } from './event.mapper.js';
import { EXT, freeTextPartyUri, locationUri, partyUri } from './portal-extensions.js';
import { DISTRIBUTING_STAGES } from './stage-rules.js';


const NO_SUCH = {
  batch: { vi: 'Không có lô hàng này', en: 'No such batch' },
  business: { vi: 'Không có doanh nghiệp này', en: 'No such business' },
  location: { vi: 'Doanh nghiệp không có địa điểm này', en: 'No such location of this business' },
} satisfies Record<string, LocalizedText>;

function ruleViolated(field: string, en: string, vi: string): DomainError {
  return new DomainError('EVENT_RULE_VIOLATED', { vi, en }, { [field]: [{ vi, en }] });
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly eventCapture: EventCapture,
    private readonly batches: BatchesService,
    private readonly changes: BatchChanges,
    private readonly audit: AuditTrail,
  ) {}

  /** Registers a batch of a product: the batch row and its commissioning event, together. */
  async registerBatch(actor: Actor, dto: CreateBatchDto, outer?: EntityManager): Promise<BatchView> {
    const db = outer ?? this.db.manager;
    const product = await db.getRepository(ProductEntity).findOneByOrFail({ id: dto.productId });
    for (const field of ['expiryDate', 'bestBeforeDate'] as const) {
      const date = dto[field];
      if (date && date < dto.productionDate) {
        throw new DomainError('VALIDATION_FAILED', undefined, { [field]: [`${field} must not be before productionDate`] });
      }
    }
    const origin = dto.originLocationId ? await this.ownLocation(db, product.businessId, dto.originLocationId, 'originLocationId') : null;
    const place = dto.locationId ? await this.ownLocation(db, product.businessId, dto.locationId, 'locationId') : origin;
    // Without a time, the lot came into being on its production date (local midnight), so it
    // heads its timeline even when its stages are recorded later.
    const producedAt = `${dto.productionDate}T00:00:00+07:00`;
    const time = eventTimeOf({ ...dto, eventTime: dto.eventTime ?? (new Date(producedAt) < new Date() ? producedAt : undefined) });
    const unit = dto.quantity !== undefined ? (dto.unit ?? product.unit) : (dto.unit ?? null);

    const batch = await this.within(outer, async (tx) => {
      const saved = await tx.getRepository(BatchEntity).save(tx.getRepository(BatchEntity).create({
        productId: product.id,
        businessId: product.businessId,
        lotCode: dto.lotCode,
        displayName: dto.displayName ?? null,
        shortCode: newShortCode(),
        productionDate: dto.productionDate,
        expiryDate: dto.expiryDate ?? null,
        bestBeforeDate: dto.bestBeforeDate ?? null,
        quantity: dto.quantity ?? null,
        unit,
        originLocationId: origin?.id ?? null,
        status: 'active',
      }));
      const ilmd: Record<string, string> = { [EXT.productionDate]: dto.productionDate };
      if (dto.expiryDate) ilmd['cbvmda:itemExpirationDate'] = dto.expiryDate;
      if (dto.bestBeforeDate) ilmd['cbvmda:bestBeforeDate'] = dto.bestBeforeDate;
      const document = buildStageEvent({
        stage: 'registration',
        ...time,
        quantities: [{ epcClass: epcClassOf({ ...saved, gtin: product.gtin }), quantity: dto.quantity, uom: unit ?? undefined }],
        location: place ? locationUri(place) : undefined,
        note: dto.note,
        ilmd,
      });
      const commissioning = await this.capture(tx, actor, product.businessId, document, false);
      await this.audit.record(tx, actor, { action: 'batch.register', targetType: 'batch', targetId: saved.id, details: { lotCode: saved.lotCode, productId: product.id, eventId: commissioning.eventId } });
      return saved;
    });
    return mapBatch(batch, product, this.config.publicBaseUrl);
  }

  /** Records one stage (harvest, packing, shipping, receiving...) on one batch. */
  async recordStage(actor: Actor, batchId: string, dto: RecordStageDto, outer?: EntityManager): Promise<EventView> {
    const db = outer ?? this.db.manager;
    const batch = await this.batches.findOrFail(batchId, db);
    const actorId = actor.businessId!;
    if (DISTRIBUTING_STAGES.has(dto.stage) && batch.status === 'recalled') throw new DomainError('BATCH_RECALLED');
    const place = dto.locationId ? await this.ownLocation(db, actorId, dto.locationId, 'locationId') : null;
    const time = eventTimeOf(dto);
    const unit = dto.quantity !== undefined ? (dto.unit ?? batch.unit ?? batch.product.unit) : null;

    let destination: BusinessEntity | null = null;
    let source: BusinessEntity | null = null;
    if (dto.stage === 'shipping') {
      if (!dto.destinationBusinessId && !dto.destinationName) {
        throw ruleViolated('destinationBusinessId', 'shipping needs destinationBusinessId or destinationName', 'Vận chuyển cần ghi rõ bên nhận hàng');
      }
      if (dto.destinationBusinessId) {
        destination = await this.businessOrFail(db, dto.destinationBusinessId, 'destinationBusinessId');
        if (destination.id === actorId) {
          throw ruleViolated('destinationBusinessId', 'a business cannot ship to itself', 'Doanh nghiệp không thể gửi hàng cho chính mình');
        }
      }
    }
    if (dto.stage === 'receiving') {
      source = dto.sourceBusinessId
        ? await this.businessOrFail(db, dto.sourceBusinessId, 'sourceBusinessId')
        : dto.sourceName ? null : await this.lastShipperTo(db, batch.id, actorId);
    }
    if (dto.passed !== undefined && dto.stage !== 'inspecting') {
      throw ruleViolated('passed', 'passed is only for the inspecting stage', 'Kết quả đạt/không đạt chỉ dùng cho kiểm nghiệm');
    }

    const event = await this.within(outer, async (tx) => {
      const document = buildStageEvent({
        stage: dto.stage,
        ...time,
        quantities: [{ epcClass: epcClassOf({ ...batch, gtin: batch.product.gtin }), quantity: dto.quantity, uom: unit ?? undefined }],
        location: place ? locationUri(place) : undefined,
        sourceParty: source ? partyUri(source) : dto.sourceName ? freeTextPartyUri(dto.sourceName) : undefined,
        destinationParty: destination ? partyUri(destination) : dto.destinationName ? freeTextPartyUri(dto.destinationName) : undefined,
        sourceName: source ? undefined : dto.sourceName,
        destinationName: destination ? undefined : dto.destinationName,
        bizTransactions: dto.bizTransactions,
        passed: dto.passed,
        note: dto.note,
      });
      return this.capture(tx, actor, actorId, document);
    });
    if (!outer) await this.changes.publish([batch.id]);
    return mapEvent(event);
  }

  /** Records processing: input batches used (with quantities) turned into output batches. */
  async recordProcessing(actor: Actor, dto: RecordProcessingDto, outer?: EntityManager): Promise<EventView> {
    const db = outer ?? this.db.manager;
    const inputIds = dto.inputs.map((i) => i.batchId);
    const outputIds = dto.outputs.map((o) => o.batchId);
    const duplicate = [...inputIds, ...outputIds].find((id, index, all) => all.indexOf(id) !== index);
    if (duplicate) {
      throw ruleViolated('inputs', `batch ${duplicate} is named more than once`, `Lô ${duplicate} được chọn nhiều lần`);
    }
    const found = await db.getRepository(BatchEntity).find({ where: { id: In([...inputIds, ...outputIds]) }, relations: { product: true } });
    const byId = new Map(found.map((b) => [b.id, b]));
    const missing = [...dto.inputs.map((i, n) => [`inputs.${n}.batchId`, i.batchId]), ...dto.outputs.map((o, n) => [`outputs.${n}.batchId`, o.batchId])]
      .filter(([, id]) => !byId.has(id!));
    if (missing.length) {
      throw new DomainError('BATCH_NOT_FOUND', undefined, Object.fromEntries(missing.map(([field]) => [field!, [NO_SUCH.batch]])));
    }
    const actorId = actor.businessId!;
    if (outputIds.some((id) => byId.get(id)!.businessId !== actorId)) {
      throw ruleViolated('outputs', 'all output batches must be your own', 'Các lô thành phẩm phải là lô của doanh nghiệp bạn');
    }
    const received = await this.batchesShippedTo(db, inputIds, actorId);
    dto.inputs.forEach((input, n) => {
      const batch = byId.get(input.batchId)!;
      if (batch.businessId !== actorId && !received.has(batch.id)) {
        throw ruleViolated(`inputs.${n}.batchId`, 'an input must be your own batch or one shipped to you', 'Nguyên liệu phải là lô của bạn hoặc lô đã được gửi đến bạn');
      }
      if (batch.status === 'recalled') throw ruleViolated(`inputs.${n}.batchId`, 'a recalled batch cannot be processed', 'Không thể chế biến lô đã bị thu hồi');
    });
    const place = dto.locationId ? await this.ownLocation(db, actorId, dto.locationId, 'locationId') : null;
    const time = eventTimeOf(dto);
    const classOf = (b: BatchEntity) => epcClassOf({ ...b, gtin: b.product!.gtin });

    const event = await this.within(outer, async (tx) => {
      const document = buildStageEvent({
        stage: 'processing',
        ...time,
        inputs: dto.inputs.map((i) => ({ epcClass: classOf(byId.get(i.batchId)!), quantity: i.quantity, uom: i.unit })),
        quantities: dto.outputs.map((o) => ({ epcClass: classOf(byId.get(o.batchId)!), quantity: o.quantity, uom: o.quantity !== undefined ? (o.unit ?? byId.get(o.batchId)!.product!.unit) : undefined })),
        location: place ? locationUri(place) : undefined,
        note: dto.note,
      });
      return this.capture(tx, actor, actorId, document);
    });
    if (!outer) await this.changes.publish([...inputIds, ...outputIds]);
    return mapEvent(event);
  }

  private within<T>(outer: EntityManager | undefined, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return outer ? work(outer) : this.db.transaction(work);
  }

  /** Through the one capture path; its refusals become the API's errors, naming the field. */
  private async capture(tx: EntityManager, actor: Actor, businessId: string, document: Record<string, unknown>, audit = true): Promise<EventEntity> {
    try {
      const outcome = await this.eventCapture.capture(tx, actor, businessId, document, { context: PORTAL_EVENT_CONTEXT, audit });
      if ('duplicate' in outcome) throw new DomainError('DUPLICATE_EVENT', { vi: 'Sự kiện này đã được ghi nhận trước đó.', en: 'This event was already recorded.' });
      return outcome.stored;
    } catch (error) {
      if (!(error instanceof CaptureProblem)) throw error;
      const field = error.pointer.replace(/^\//, '').replace(/\//g, '.');
      throw new DomainError(error.code, error.text, field ? { [field]: [error.text] } : undefined);
    }
  }

  private async batchesShippedTo(db: EntityManager, batchIds: string[], businessId: string): Promise<Set<string>> {
    const rows: { batch_id: string }[] = await db.query(
      `SELECT DISTINCT eb.batch_id FROM event_batches eb JOIN events e ON e.id = eb.event_id
        WHERE eb.batch_id = ANY($1::uuid[]) AND e.biz_step = 'shipping' AND e.destination_business_id = $2`,
      [batchIds, businessId],
    );
    return new Set(rows.map((r) => r.batch_id));
  }

  private async lastShipperTo(db: EntityManager, batchId: string, businessId: string): Promise<BusinessEntity | null> {
    const rows: { business_id: string }[] = await db.query(
      `SELECT e.business_id FROM event_batches eb JOIN events e ON e.id = eb.event_id
        WHERE eb.batch_id = $1 AND e.biz_step = 'shipping' AND e.destination_business_id = $2
        ORDER BY e.event_time DESC LIMIT 1`,
      [batchId, businessId],
    );
    return rows[0] ? db.getRepository(BusinessEntity).findOneBy({ id: rows[0].business_id }) : null;
  }

  private async businessOrFail(db: EntityManager, id: string, field: string): Promise<BusinessEntity> {
    const business = await db.getRepository(BusinessEntity).findOneBy({ id });
    if (!business) throw new DomainError('BUSINESS_NOT_FOUND', undefined, { [field]: [NO_SUCH.business] });
    return business;
  }

  /** A location of the acting business; another business's place cannot be named. */
  private async ownLocation(db: EntityManager, businessId: string, locationId: string, field: string): Promise<LocationEntity> {
    const location = await db.getRepository(LocationEntity).findOneBy({ id: locationId, businessId });
    if (!location) throw new DomainError('LOCATION_NOT_FOUND', undefined, { [field]: [NO_SUCH.location] });
    return location;
  }
}

