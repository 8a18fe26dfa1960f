import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationView, Page } from '@nguon/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { toPage } from '../common/pagination/page-query.dto.js';
import type { ListNotificationsQuery } from './dto/list-notifications.query.js';
import { NotificationEntity } from './notification.entity.js';

export type NewNotification = Pick<
  NotificationEntity,
  'businessId' | 'kind' | 'title' | 'body' | 'batchId' | 'recallId' | 'forRole' | 'notForUser'
>;

function mapNotification(n: NotificationEntity): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    batchId: n.batchId,
    recallId: n.recallId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

/** Notices to businesses in the portal: written in the transaction of what caused them. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async notify(tx: EntityManager, notices: NewNotification[]): Promise<void> {
    if (notices.length) await tx.getRepository(NotificationEntity).insert(notices);
  }

  async list(actor: Actor, query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    // Notices for one role (membership changes go to owners) and not to the member who caused them.
    const role = actor.principal.kind === 'user' ? (actor.principal.memberships.get(actor.businessId!) ?? null) : null;
    const userId = actor.principal.kind === 'user' ? actor.principal.id : null;
    const qb = this.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.business_id = :businessId', { businessId: actor.businessId })
      .andWhere('(n.for_role IS NULL OR n.for_role = :role)', { role })
      .andWhere('(n.not_for_user IS NULL OR n.not_for_user IS DISTINCT FROM :userId)', { userId });
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    const [rows, total] = await qb.orderBy('n.created_at', 'DESC').skip(query.offset).take(query.limit).getManyAndCount();
    return toPage(rows, total, query, mapNotification);
  }

  /** Reading a notice is not a write anyone audits: it only changes what the business sees as new. */
  async markRead(actor: Actor, id: string): Promise<void> {
    const result = await this.db
      .getRepository(NotificationEntity)
      .update({ id, businessId: actor.businessId! }, { readAt: () => 'coalesce(read_at, now())' });
    if (!result.affected) throw new DomainError('NOTIFICATION_NOT_FOUND');
  }
}
