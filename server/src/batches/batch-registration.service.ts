import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BatchView } from '@nguon/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { epcClassOf } from '../batch-store/batch-identity.js';
import type { BatchEntity } from '../batch-store/batch.entity.js';
import { BatchLinks } from '../batch-store/batch-links.service.js';
import { eventTimeOf } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { inTurns } from '../common/in-turns.js';
import type { CreateBatchDto } from '../events/dto/create-batch.dto.js';
import { buildStageEvent, ilmdOf } from '../events/epcis-event.builder.js';
import { PortalCapture } from '../events/portal-capture.js';
import { locationUri } from '../events/portal-extensions.js';
import { LocationEntity } from '../locations/location.entity.js';
import { ProductEntity } from '../products/product.entity.js';
import { mapBatch } from './batch.mapper.js';

const MINUTE_MS = 60_000;

/**
 * Registering batches: each batch row and its commissioning event, written together through the
 * event store's capture path. A caller that writes many records all-or-nothing (a bulk import)
 * passes its own transaction.
 */
@Injectable()
export class BatchRegistration {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: BatchLinks,
    private readonly portalCapture: PortalCapture,
    private readonly audit: AuditTrail,
  ) {}

  /** Registers a batch of a product: the batch row and its commissioning event, together. */
  async registerBatch(actor: Actor, dto: CreateBatchDto, outer?: EntityManager): Promise<BatchView> {
    const [batch] = await this.registerBatches(actor, [dto], outer);
    return mapBatch(batch!, this.links.identityUrl(batch!));
  }

  /**
   * Registers batches of one business's products (an import's rows) as one write: their products
   * and places read at once, the rows in one INSERT, their commissioning events captured as one
   * set and their audit entries in one INSERT. Refuses them all when one is refused. Answers the
   * batches with their products' GTINs, unsigned: an import of 10,000 rows needs no signed link.
   */
  async registerBatches(actor: Actor, dtos: CreateBatchDto[], outer?: EntityManager): Promise<(BatchEntity & { gtin: string | null })[]> {
    const { products, productOf, businessId, places } = await this.namedBy(outer ?? this.db.manager, dtos);
    // Without a time, the commissioning happened when it was recorded (now): the production date
    // is the lot's data (its `ilmd`), not the record's time, so a lot registered today with last
    // month's dates is new, not a month quiet. Now to the minute, as the stage forms give times:
    // a harvest recorded from a form in the same minute still follows it (ties go by record time).
    const now = new Date(Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS).toISOString();

    const batches = await this.within(outer, async (tx) => {
      const rows = dtos.map((dto) => ({
        product: productOf(dto),
        fields: dto,
        origin: places.get(dto.originLocationId ?? '') ?? null,
        field: '',
      }));
      const saved = await this.portalCapture.madeBatches(tx, rows);
      // Their events are built while the database writes the rows (the longer of the two); both
      // settle before the transaction goes on or ends, so no write of it runs after a rollback.
      const [written, built] = await Promise.allSettled([
        this.portalCapture.writeBatches(tx, rows, saved),
        this.commissioningOf(dtos, saved, (dto) => productOf(dto).gtin, places, now),
      ]);
      if (written.status === 'rejected') throw written.reason;
      if (built.status === 'rejected') throw built.reason;
      const documents = built.value;
      const commissioning = await this.portalCapture.captureAll(tx, actor, businessId, documents, false);
      await this.audit.recordAll(
        tx,
        actor,
        saved.map((batch, n) => ({
          action: 'batch.register',
          targetType: 'batch',
          targetId: batch.id,
          details: { lotCode: batch.lotCode, productId: batch.productId, eventId: commissioning[n]!.eventId },
        })),
      );
      return saved;
    });
    return batches.map((batch) => Object.assign(batch, { gtin: products.get(batch.productId)!.gtin }));
  }

  /** The commissioning event of each new batch, built in turns: each event's hash makes a thousand of them a tenth of a second of work. */
  private async commissioningOf(
    dtos: CreateBatchDto[],
    batches: BatchEntity[],
    gtinOf: (dto: CreateBatchDto) => string | null,
    places: Map<string, LocationEntity>,
    now: string,
  ): Promise<Record<string, unknown>[]> {
    const documents: Record<string, unknown>[] = [];
    for await (const [n, dto] of inTurns([...dtos.entries()])) {
      const batch = batches[n]!;
      const place = places.get(dto.locationId ?? '') ?? places.get(dto.originLocationId ?? '');
      documents.push(
        buildStageEvent({
          stage: 'registration',
          ...eventTimeOf({ ...dto, eventTime: dto.eventTime ?? now }),
          quantities: [{ epcClass: epcClassOf({ ...batch, gtin: gtinOf(dto) }), quantity: dto.quantity, uom: batch.unit ?? undefined }],
          location: place ? locationUri(place) : undefined,
          note: dto.note,
          ilmd: ilmdOf(batch),
        }),
      );
    }
    return documents;
  }

  /**
   * Checks batch requests as `registerBatches` would (products, places, dates, lot codes), and
   * writes nothing: work written in several steps checks all its rows before the first.
   */
  async checkBatches(db: EntityManager, dtos: CreateBatchDto[]): Promise<void> {
    const { productOf } = await this.namedBy(db, dtos);
    await this.portalCapture.checkNewBatches(
      db,
      dtos.map((dto) => ({ product: productOf(dto), fields: dto, field: '' })),
    );
  }

  /** The products and places the requests name, read at once; each product must exist, and all be of one business. */
  private async namedBy(db: EntityManager, dtos: CreateBatchDto[]) {
    const products = new Map(
      (await db.getRepository(ProductEntity).findBy({ id: In([...new Set(dtos.map((d) => d.productId))]) })).map((p) => [p.id, p]),
    );
    const productOf = (dto: CreateBatchDto) => {
      const product = products.get(dto.productId);
      if (!product) throw new DomainError('PRODUCT_NOT_FOUND', undefined, { productId: [RULE_MESSAGES.events.noSuchProductOfBusiness] });
      return product;
    };
    const businessId = productOf(dtos[0]!).businessId;
    if (dtos.some((dto) => productOf(dto).businessId !== businessId)) throw new Error('registerBatches takes batches of one business');
    const places = await ownLocations(db, businessId, dtos, ['originLocationId', 'locationId']);
    return { products, productOf, businessId, places };
  }

  private within<T>(outer: EntityManager | undefined, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return outer ? work(outer) : this.db.transaction(work);
  }
}

/**
 * The locations these requests name in the given fields, by id: one query. Each must be the
 * acting business's own; the first that is not is refused, naming its field.
 */
async function ownLocations<K extends string>(
  db: EntityManager,
  businessId: string,
  requests: Partial<Record<K, string>>[],
  fields: K[],
): Promise<Map<string, LocationEntity>> {
  const ids = [...new Set(requests.flatMap((request) => fields.flatMap((field) => request[field] ?? [])))];
  if (!ids.length) return new Map();
  const found = new Map((await db.getRepository(LocationEntity).findBy({ id: In(ids), businessId })).map((l) => [l.id, l]));
  for (const request of requests)
    for (const field of fields) {
      const id = request[field];
      if (id && !found.has(id)) throw new DomainError('LOCATION_NOT_FOUND', undefined, { [field]: [RULE_MESSAGES.events.noSuchLocation] });
    }
  return found;
}
