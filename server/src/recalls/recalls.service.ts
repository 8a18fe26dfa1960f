import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Page, RecallReachView, RecallView } from '@nguon/shared';
import { DataSource, IsNull, Repository, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { userOf, type Actor } from '../auth/principal.js';
import { TenancyPolicy } from '../auth/tenancy.policy.js';
import { epcClassOf } from '../batch-store/batch-identity.js';
import { BatchLinks } from '../batch-store/batch-links.service.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { toPage, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import { PORTAL_EVENT_CONTEXT } from '../events/epcis-event.builder.js';
import { EventCapture } from '../events/event-capture.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RecordsService } from '../records/records.service.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.service.js';
import type { LiftRecallDto, RecallDto } from './dto/recall.dto.js';
import { LogSubmissions } from '../transparency/log-submissions.js';
import { liftNotice, recallNotice } from './recall-notices.js';
import { recallEvent } from './recall-event.js';
import { mapRecall, mapRecallReach, mapWebhookBatch } from './recalls.mapper.js';
import { RecallEntity } from './recall.entity.js';
import {
  batchExists,
  findAffectedBatchIds,
  findUserRole,
  insertAffectedBatches,
  loadAffectedBatches,
  loadBusinessNames,
  loadNotifiedBusinesses,
  loadRecallBatches,
  loadUserNames,
  markBatchActive,
  markBatchRecalled,
  type RecalledBatchRow,
} from './recalls.queries.js';

/** How many processing steps downstream a recall follows: far beyond any real chain. */
const MAX_DEPTH = 50;

/**
 * Recalls: a batch taken off the market with a reason and a severity, by an inspector or by the
 * business that made it. Everything downstream is flagged, the consumer pages change at once, and
 * the businesses concerned are told in the portal and by webhook, all in one transaction.
 */
@Injectable()
export class RecallsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(RecallEntity) private readonly recalls: Repository<RecallEntity>,
    private readonly eventCapture: EventCapture,
    private readonly notifications: NotificationsService,
    private readonly outbox: WebhookOutbox,
    private readonly changes: BatchChanges,
    private readonly audit: AuditTrail,
    private readonly links: BatchLinks,
    private readonly records: RecordsService,
    private readonly log: LogSubmissions,
  ) {}

  async recall(actor: Actor, batchId: string, dto: RecallDto): Promise<RecallView> {
    const user = userOf(actor);
    const at = new Date();
    const reasonCategory = dto.reasonCategory ?? 'other';
    const { recallId, changed } = await this.db.transaction(async (tx) => {
      if (!(await markBatchRecalled(tx, batchId, { reason: dto.reason, reasonCategory, severity: dto.severity, at }))) {
        await this.refuse(tx, batchId);
      }
      const recall = await tx.getRepository(RecallEntity).save(
        tx.getRepository(RecallEntity).create({
          batchId,
          severity: dto.severity,
          reasonCategory,
          reason: dto.reason,
          recalledBy: user.id,
          recalledAt: at,
          liftedBy: null,
          liftedAt: null,
          liftReason: null,
        }),
      );
      const { downstream, ids, batches, concerned } = await this.reach(tx, batchId);
      if (downstream.length) await insertAffectedBatches(tx, recall.id, downstream);
      const recalled = batches.get(batchId)!;
      await this.recordDecision(tx, actor, recalled, true, dto.reason, at);
      await this.log.submit(tx, [{ kind: 'recall', id: recall.id, batches: [batchId] }]);
      await this.notifications.notify(
        tx,
        [...concerned].map(([businessId, batchIds]) => ({
          businessId,
          kind: 'recall' as const,
          batchId,
          recallId: recall.id,
          batchIds,
          ...recallNotice(
            recalled,
            { severity: dto.severity, reasonCategory, reason: dto.reason },
            batchIds.map((id) => batches.get(id)!),
          ),
        })),
      );
      await this.outbox.enqueue(
        tx,
        'recall.created',
        new Map(
          [...concerned].map(([businessId, batchIds]) => [
            businessId,
            {
              recall: {
                id: recall.id,
                severity: dto.severity,
                reasonCategory,
                reason: dto.reason,
                recalledAt: at.toISOString(),
                batch: this.webhookBatch(recalled),
              },
              yourBatches: batchIds.map((id) => this.webhookBatch(batches.get(id)!)),
            },
          ]),
        ),
      );
      await this.audit.record(tx, actor, {
        action: 'batch.recall',
        targetType: 'batch',
        targetId: batchId,
        businessId: recalled.business_id,
        details: { recallId: recall.id, severity: dto.severity, reasonCategory, downstream: downstream.length, notified: concerned.size },
      });
      return { recallId: recall.id, changed: ids };
    });
    await this.changes.publish(changed);
    this.outbox.send();
    return this.getRecall(recallId);
  }

  /** Whom a recall of the batch would reach, computed as the recall computes it; nothing is written. */
  async preview(batchId: string): Promise<RecallReachView> {
    const reach = await this.reach(this.db.manager, batchId);
    if (!reach.batches.has(batchId)) throw new DomainError('BATCH_NOT_FOUND');
    const names = await loadBusinessNames(this.db.manager, [...reach.concerned.keys()]);
    return mapRecallReach(batchId, reach, new Map(names.map((b) => [b.id, b.legal_name])));
  }

  /**
   * What a recall of the batch reaches: the batches made from it (nearest first), their rows, and
   * who must hear of it: the producers of these batches and every business they were shipped to,
   * each with its own.
   */
  private async reach(db: EntityManager, batchId: string) {
    const downstream = (await this.records.lineage(batchId, 'forward', MAX_DEPTH, db)).filter((row) => row.depth > 0);
    const ids = [batchId, ...downstream.map((d) => d.batch_id)];
    const batches = new Map((await loadRecallBatches(db, ids)).map((b) => [b.id, b]));
    const concerned = await this.records.custodiansOfEach(ids, db);
    return { downstream, ids, batches, concerned };
  }

  /** Ends the batch's recall. A recall an inspector made is lifted only by an inspector. */
  async lift(actor: Actor, batchId: string, dto: LiftRecallDto): Promise<RecallView> {
    const user = userOf(actor);
    const at = new Date();
    const { recallId, changed } = await this.db.transaction(async (tx) => {
      const recall = await tx
        .getRepository(RecallEntity)
        .findOne({ where: { batchId, liftedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!recall) throw new DomainError('RECALL_NOT_FOUND', RULE_MESSAGES.recalls.notRecalled);
      if (!TenancyPolicy.readsEverything(actor.principal)) {
        if ((await findUserRole(tx, recall.recalledBy)) !== 'member') {
          throw new DomainError('FORBIDDEN', RULE_MESSAGES.recalls.onlyInspectorLifts);
        }
      }
      await tx.getRepository(RecallEntity).update({ id: recall.id }, { liftedAt: at, liftedBy: user.id, liftReason: dto.reason });
      await markBatchActive(tx, batchId);
      const ids = [batchId, ...(await findAffectedBatchIds(tx, recall.id))];
      const [recalled] = await loadRecallBatches(tx, [batchId]);
      await this.recordDecision(tx, actor, recalled!, false, dto.reason, at);
      await this.log.submit(tx, [{ kind: 'recall_lift', id: recall.id, batches: [batchId] }]);
      const concerned = await this.records.custodiansOfEach(ids, tx);
      await this.notifications.notify(
        tx,
        [...concerned.keys()].map((businessId) => ({
          businessId,
          kind: 'recall_lifted' as const,
          batchId,
          recallId: recall.id,
          ...liftNotice(recalled!, dto.reason),
        })),
      );
      await this.outbox.enqueue(
        tx,
        'recall.lifted',
        new Map(
          [...concerned.keys()].map((businessId) => [
            businessId,
            {
              recall: {
                id: recall.id,
                liftedAt: at.toISOString(),
                liftReason: dto.reason,
                batch: this.webhookBatch(recalled!),
              },
            },
          ]),
        ),
      );
      await this.audit.record(tx, actor, {
        action: 'batch.recall_lift',
        targetType: 'batch',
        targetId: batchId,
        businessId: recalled!.business_id,
        details: { recallId: recall.id },
      });
      return { recallId: recall.id, changed: ids };
    });
    await this.changes.publish(changed);
    this.outbox.send();
    return this.getRecall(recallId);
  }

  async listRecalls(query: PageQueryDto): Promise<Page<RecallView>> {
    const [rows, total] = await this.recalls.findAndCount({ order: { recalledAt: 'DESC' }, skip: query.offset, take: query.limit });
    return toPage(await this.views(rows), total, query, (view) => view);
  }

  async getRecall(id: string): Promise<RecallView> {
    const recall = await this.recalls.findOneBy({ id });
    if (!recall) throw new DomainError('RECALL_NOT_FOUND');
    return (await this.views([recall]))[0]!;
  }

  /** Views of several recalls in four queries, whatever their number. */
  private async views(recalls: RecallEntity[]): Promise<RecallView[]> {
    if (recalls.length === 0) return [];
    const ids = recalls.map((r) => r.id);
    const affected = await loadAffectedBatches(this.db.manager, ids);
    const batchIds = [...recalls.map((r) => r.batchId), ...affected.map((a) => a.batch_id)];
    const rows = {
      affected,
      batches: new Map((await loadRecallBatches(this.db.manager, batchIds)).map((b) => [b.id, b])),
      notified: await loadNotifiedBusinesses(this.db.manager, ids),
      makers: await loadUserNames(
        this.db.manager,
        recalls.map((r) => r.recalledBy),
      ),
    };
    return recalls.map((recall) => mapRecall(recall, rows));
  }

  private async refuse(tx: EntityManager, batchId: string): Promise<never> {
    throw new DomainError((await batchExists(tx, batchId)) ? 'ALREADY_RECALLED' : 'BATCH_NOT_FOUND');
  }

  /** The decision in the batch's own records, through the one capture path (audited as the recall). */
  private async recordDecision(
    tx: EntityManager,
    actor: Actor,
    batch: RecalledBatchRow,
    recalled: boolean,
    reason: string,
    at: Date,
  ): Promise<void> {
    const epcClass = epcClassOf({ gtin: batch.gtin, lotCode: batch.lot_code, shortCode: batch.short_code });
    // A suspended producer's batch can still be recalled: that is when it matters most.
    await this.eventCapture.capture(tx, actor, batch.business_id, recallEvent(epcClass, recalled, reason, at), {
      context: PORTAL_EVENT_CONTEXT,
      audit: false,
      checkedBusiness: true,
    });
  }

  private webhookBatch(batch: RecalledBatchRow) {
    const { gtin, lot_code: lotCode, short_code: shortCode, expiry_date: expiryDate, business_id: businessId } = batch;
    return mapWebhookBatch(batch, this.links.identityUrl({ gtin, lotCode, shortCode, expiryDate, businessId }));
  }
}
