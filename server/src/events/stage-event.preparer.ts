import { Inject, Injectable } from '@nestjs/common';
import {
  convertQuantity,
  SHORTFALL_DISPOSITIONS,
  STAGES,
  type BizTransactionInput,
  type LocalizedText,
  type RecordStageRequest,
  type UnitCode,
} from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { epcClassOf } from '../batch-store/batch-identity.js';
import type { BatchEntity } from '../batch-store/batch.entity.js';
import type { ProductEntity } from '../products/product.entity.js';
import { BusinessEntity } from '../businesses/business.entity.js';
import { eventTimeOf } from '../common/clock.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { LocationEntity } from '../locations/location.entity.js';
import { RecordsService, type ShipmentRow } from '../records/records.service.js';
import { buildStageEvent, documentsOf } from './epcis-event.builder.js';
import { freeTextPartyUri, locationUri, partyUri } from './portal-extensions.js';
import { lockBatches, findUsualPlace } from './stage-events.queries.js';
import { DISTRIBUTING_STAGES } from './stage-rules.js';

export function ruleViolated(field: string, text: LocalizedText): DomainError {
  return new DomainError('EVENT_RULE_VIOLATED', text, { [field]: [text] });
}

export type StageBatch = BatchEntity & { product: ProductEntity };

/**
 * Turns what a stage form says about one batch into its EPCIS event, after the stage's rules:
 * the place must be the business's own, shipping names a receiver, receiving confirms the
 * pending shipment (one step back) unless another source is named and always says where the
 * goods arrived (the business's usual place unless named) and why less arrived than was shipped,
 * an inspection's documents must be the business's own uploads. Used for recording and for
 * corrections alike.
 */
@Injectable()
export class StageEventPreparer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attachments: AttachmentsService,
    private readonly records: RecordsService,
  ) {}

  async prepare(
    tx: EntityManager,
    actorId: string,
    batch: StageBatch,
    dto: RecordStageRequest,
    shipment?: ShipmentRow,
  ): Promise<Record<string, unknown>> {
    if (DISTRIBUTING_STAGES.has(dto.stage) && batch.status === 'recalled') throw new DomainError('BATCH_RECALLED');
    const inspecting = dto.stage === 'inspecting';
    for (const field of ['passed', 'labName', 'attachmentIds'] as const) {
      if (dto[field] !== undefined && !inspecting) {
        throw ruleViolated(field, RULE_MESSAGES.events.onlyForInspecting(field));
      }
    }
    const receiving = dto.stage === 'receiving';
    if (dto.shortfallReason !== undefined && !receiving) {
      throw ruleViolated('shortfallReason', RULE_MESSAGES.events.onlyForReceiving('shortfallReason'));
    }
    const placeId = dto.locationId ?? (receiving ? await this.usualPlace(tx, actorId, dto.stage) : undefined);
    const place = placeId ? await this.ownLocation(tx, actorId, placeId, 'locationId') : null;
    const time = eventTimeOf(dto);

    let destination: BusinessEntity | null = null;
    if (dto.stage === 'shipping') {
      if (!dto.destinationBusinessId && !dto.destinationName) {
        throw ruleViolated('destinationBusinessId', RULE_MESSAGES.events.shippingNeedsReceiver);
      }
      if (dto.destinationBusinessId) {
        destination = await this.businessOrFail(tx, dto.destinationBusinessId, 'destinationBusinessId');
        if (destination.id === actorId) {
          throw ruleViolated('destinationBusinessId', RULE_MESSAGES.events.cannotShipToItself);
        }
      }
    }

    let source: BusinessEntity | null = null;
    let confirms: ShipmentRow | null = null;
    if (receiving) {
      // Concurrent confirmations of one shipment queue up on the batch, so only one can claim it.
      await lockBatches(tx, [batch.id]);
      // Unless another source is named, a receipt confirms the oldest shipment of the batch to this business still waiting.
      const pending = shipment ?? (dto.sourceName ? null : await this.records.pendingShipment(batch.id, actorId, tx));
      confirms = pending && (shipment || !dto.sourceBusinessId || dto.sourceBusinessId === pending.shipper_id) ? pending : null;
      const sourceId =
        confirms?.shipper_id ?? dto.sourceBusinessId ?? (dto.sourceName ? null : await this.records.lastShipperTo(batch.id, actorId, tx));
      source = sourceId ? await this.businessOrFail(tx, sourceId, 'sourceBusinessId') : null;
    }

    const lab =
      inspecting && dto.attachmentIds?.length ? await this.attachments.findOwned(tx, actorId, dto.attachmentIds, 'attachmentIds') : [];
    const shippedQuantity = confirms?.quantity !== null && confirms?.quantity !== undefined ? Number(confirms.quantity) : undefined;
    const quantity = dto.quantity ?? shippedQuantity;
    const given = dto.quantity !== undefined ? dto.unit : (confirms?.unit as UnitCode | null | undefined);
    const unit = quantity !== undefined ? (given ?? batch.unit ?? batch.product.unit) : undefined;
    if (confirms && shippedQuantity !== undefined && quantity !== undefined && unit && !dto.shortfallReason) {
      const shippedUnit = (confirms.unit as UnitCode | null) ?? unit;
      const received = convertQuantity(quantity, unit, shippedUnit);
      if (received !== null && received < shippedQuantity) {
        throw ruleViolated('shortfallReason', RULE_MESSAGES.events.shortfallNeedsReason(shippedQuantity, shippedUnit));
      }
    }
    return buildStageEvent({
      stage: dto.stage,
      ...time,
      quantities: [{ epcClass: epcClassOf({ ...batch, gtin: batch.product.gtin }), quantity, uom: unit }],
      location: place ? locationUri(place) : undefined,
      sourceParty: source ? partyUri(source) : dto.sourceName ? freeTextPartyUri(dto.sourceName) : undefined,
      destinationParty: destination ? partyUri(destination) : dto.destinationName ? freeTextPartyUri(dto.destinationName) : undefined,
      sourceName: source ? undefined : dto.sourceName,
      destinationName: destination ? undefined : dto.destinationName,
      // A receipt carries the shipment's documents unless it names its own: the two records share them.
      bizTransactions: dto.bizTransactions ?? (confirms ? (documentsOf(confirms.document) as BizTransactionInput[]) : undefined),
      passed: dto.passed,
      disposition: dto.shortfallReason ? SHORTFALL_DISPOSITIONS[dto.shortfallReason] : undefined,
      lab: dto.labName,
      certificationInfo: lab.map((a) => `${this.config.publicBaseUrl}/api/attachments/${a.id}`),
      shipment: confirms?.event_id,
      note: dto.note,
    });
  }

  /** Where the business usually records the stage (see `findUsualPlace`); a receipt cannot do without one. */
  private async usualPlace(tx: EntityManager, businessId: string, stage: RecordStageRequest['stage']): Promise<string> {
    const id = await findUsualPlace(tx, businessId, STAGES[stage].bizStep);
    if (!id)
      throw new DomainError('PLACE_REQUIRED', RULE_MESSAGES.events.receivingNeedsPlace, {
        locationId: [RULE_MESSAGES.events.receivingNeedsPlace],
      });
    return id;
  }

  /** A location of the acting business; another business's place cannot be named. */
  async ownLocation(db: EntityManager, businessId: string, locationId: string, field: string): Promise<LocationEntity> {
    const location = await db.getRepository(LocationEntity).findOneBy({ id: locationId, businessId });
    if (!location) throw new DomainError('LOCATION_NOT_FOUND', undefined, { [field]: [RULE_MESSAGES.events.noSuchLocation] });
    return location;
  }

  private async businessOrFail(db: EntityManager, id: string, field: string): Promise<BusinessEntity> {
    const business = await db.getRepository(BusinessEntity).findOneBy({ id });
    if (!business) throw new DomainError('BUSINESS_NOT_FOUND', undefined, { [field]: [RULE_MESSAGES.events.noSuchBusiness] });
    return business;
  }
}
