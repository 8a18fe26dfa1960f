import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { SINGLE_BATCH_STAGES, stageOf, type ErrorDeclarationView, type RecordStageRequest } from '@nguon/shared';
import { DataSource, Repository } from 'typeorm';
import type { Actor } from '../auth/principal.js';
import { TenancyPolicy } from '../auth/tenancy.policy.js';
import { findBatchOrFail } from '../batch-store/find-batch.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { DeclareEventErrorDto } from './dto/declare-event-error.dto.js';
import { findStoredEvent } from './event-lookup.queries.js';
import { EventBatchEntity, EventEntity } from './event.entity.js';
import { mapEvent } from './event.mapper.js';
import { MassBalance, type StockedBatch } from './mass-balance.js';
import { PortalCapture } from './portal-capture.js';
import { EXT } from './portal-extensions.js';
import { ruleViolated, StageEventPreparer } from './stage-event.preparer.js';

/**
 * "This is wrong": events are never edited or deleted. An EPCIS error declaration (the event
 * repeated, with why and when) marks it wrong, and the corrected event, when given, is recorded
 * beside it and named in the declaration's `correctiveEventIDs`: together, or not at all. A
 * corrected shipment or sale is held to what remains, as a new one is, unless the person confirmed.
 */
@Injectable()
export class EventCorrectionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(EventEntity) private readonly events: Repository<EventEntity>,
    private readonly portalCapture: PortalCapture,
    private readonly stages: StageEventPreparer,
    private readonly changes: BatchChanges,
    private readonly massBalance: MassBalance,
  ) {}

  async declareError(actor: Actor, eventPk: string, dto: DeclareEventErrorDto): Promise<ErrorDeclarationView> {
    const original = await this.events.findOneBy({ id: eventPk, errorDeclared: false });
    if (!original) throw new DomainError('EVENT_NOT_FOUND');
    // Only the business that recorded it (a member, or its API key) may say it was wrong.
    const actorId = TenancyPolicy.actingBusiness(actor.principal, original.businessId ? [original.businessId] : []);
    const acting: Actor = { ...actor, businessId: actorId };

    const result = await this.db.transaction(async (tx) => {
      const [declared] = await findStoredEvent(tx, original.eventId, true);
      if (declared) throw new DomainError('EVENT_ALREADY_DECLARED');
      const links = await tx.getRepository(EventBatchEntity).findBy({ eventId: original.id });

      let corrective: Record<string, unknown> | null = null;
      let correction: { batch: StockedBatch; fields: RecordStageRequest } | null = null;
      if (dto.corrected) {
        const stage = stageOf(original.eventType, original.bizStep);
        const subjects = links.filter((l) => l.role === 'subject');
        if (!stage || !(SINGLE_BATCH_STAGES as string[]).includes(stage) || subjects.length !== 1) {
          throw ruleViolated('corrected', RULE_MESSAGES.events.correctionNotOneStage);
        }
        const batch = await findBatchOrFail(tx, subjects[0]!.batchId);
        const fields: RecordStageRequest = { ...dto.corrected, stage: dto.corrected.stage ?? (stage as RecordStageRequest['stage']) };
        corrective = await this.stages.prepare(tx, actorId, batch, fields);
        correction = { batch, fields };
        if (corrective.eventID === original.eventId) {
          throw ruleViolated('corrected', RULE_MESSAGES.events.correctionUnchanged);
        }
      }

      const declaration = {
        ...original.document,
        errorDeclaration: {
          declarationTime: new Date().toISOString(),
          reason: dto.reason,
          ...(corrective ? { correctiveEventIDs: [corrective.eventID] } : {}),
          [EXT.explanation]: dto.explanation,
        },
      };
      const storedDeclaration = await this.portalCapture.capture(tx, acting, actorId, declaration);
      // With the wrong record declared, it no longer counts: the corrected one is checked against the rest.
      if (correction && !dto.overrideMassBalance) await this.massBalance.assertStagesFit(tx, actorId, [correction]);
      const storedCorrective = corrective ? await this.portalCapture.capture(tx, acting, actorId, corrective) : null;
      return { storedDeclaration, storedCorrective, batchIds: links.map((l) => l.batchId) };
    });
    await this.changes.publish([...new Set(result.batchIds)]);
    return {
      declaration: mapEvent(result.storedDeclaration),
      corrective: result.storedCorrective ? mapEvent(result.storedCorrective) : null,
    };
  }
}
