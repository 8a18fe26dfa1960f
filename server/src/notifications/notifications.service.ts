import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { NotificationView, Page } from '@nguon/shared';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { userOf, type Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { toPage } from '../common/pagination/page-query.dto.js';
import type { ListNotificationsQuery } from './dto/list-notifications.query.js';
import { NotificationEntity } from './notification.entity.js';
import { mapNotification, mapRecallNotice } from './notifications.mapper.js';
import { loadNoticeLots, loadRecallNotices } from './notifications.queries.js';

export type NewNotification = Pick<
  NotificationEntity,
  'businessId' | 'kind' | 'title' | 'body' | 'batchId' | 'recallId' | 'forRole' | 'notForUser' | 'batchIds'
>;

/** Notices to businesses in the portal: written in the transaction of what caused them. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly audit: AuditTrail,
  ) {}

  async notify(tx: EntityManager, notices: NewNotification[]): Promise<void> {
    if (notices.length) await tx.getRepository(NotificationEntity).insert(notices);
  }

  async list(actor: Actor, query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    // Notices for one role (membership changes go to owners) and not to the member who caused them.
    const role = actor.principal.kind === 'user' ? (actor.principal.memberships.get(actor.businessId!) ?? null) : null;
    const userId = actor.principal.kind === 'user' ? actor.principal.id : null;
    const qb = this.notifications
      .createQueryBuilder('n')
      .where('n.business_id = :businessId', { businessId: actor.businessId })
      .andWhere('(n.for_role IS NULL OR n.for_role = :role)', { role })
      .andWhere('(n.not_for_user IS NULL OR n.not_for_user IS DISTINCT FROM :userId)', { userId });
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    if (query.recallsInForce) {
      qb.andWhere(`n.kind = 'recall' AND EXISTS (SELECT 1 FROM recalls r WHERE r.id = n.recall_id AND r.lifted_at IS NULL)`);
    }
    const [rows, total] = await qb.orderBy('n.created_at', 'DESC').skip(query.offset).take(query.limit).getManyAndCount();
    const views = await this.views(this.db.manager, rows);
    return toPage(views, total, query, (view) => view);
  }

  /** Reading a notice is not a write anyone audits: it only changes what the business sees as new. */
  async markRead(actor: Actor, id: string): Promise<void> {
    const result = await this.notifications.update({ id, businessId: actor.businessId! }, { readAt: () => 'coalesce(read_at, now())' });
    if (!result.affected) throw new DomainError('NOTIFICATION_NOT_FOUND');
  }

  /**
   * A member says the business has the recall in hand ("Đã nhận"): who and when are kept for the
   * inspector, once; acknowledging again changes nothing. Reading a notice is not acknowledging it.
   */
  async acknowledge(actor: Actor, id: string): Promise<NotificationView> {
    const user = userOf(actor);
    return this.db.transaction(async (tx) => {
      const notices = tx.getRepository(NotificationEntity);
      const notice = await notices.findOne({ where: { id, businessId: actor.businessId! }, lock: { mode: 'pessimistic_write' } });
      if (!notice) throw new DomainError('NOTIFICATION_NOT_FOUND');
      if (notice.kind !== 'recall') throw new DomainError('CONFLICT', RULE_MESSAGES.notifications.onlyRecallsAcknowledged);
      if (!notice.acknowledgedAt) {
        const at = new Date();
        await notices.update({ id }, { acknowledgedAt: at, acknowledgedBy: user.id, readAt: notice.readAt ?? at });
        Object.assign(notice, { acknowledgedAt: at, acknowledgedBy: user.id, readAt: notice.readAt ?? at });
        await this.audit.record(tx, actor, {
          action: 'recall.acknowledge',
          targetType: 'recall',
          targetId: notice.recallId,
          details: { notificationId: notice.id },
        });
      }
      return (await this.views(tx, [notice]))[0]!;
    });
  }

  /** Views of notices, recall notices with their recall as data: three queries, whatever their number. */
  private async views(db: EntityManager, notices: NotificationEntity[]): Promise<NotificationView[]> {
    const recallNotices = notices.filter((n) => n.kind === 'recall' && n.recallId);
    if (recallNotices.length === 0) return notices.map((n) => mapNotification(n, null));
    const recalls = new Map(
      (
        await loadRecallNotices(
          db,
          recallNotices.map((n) => n.id),
        )
      ).map((r) => [r.notification_id, r]),
    );
    const lots = new Map((await loadNoticeLots(db, [...new Set(recallNotices.flatMap((n) => n.batchIds ?? []))])).map((l) => [l.id, l]));
    return notices.map((n) => {
      const recall = recalls.get(n.id);
      return mapNotification(n, recall ? mapRecallNotice(n, recall, lots) : null);
    });
  }
}
