import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationView, Page } from '@nguon/shared';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { toPage } from '../common/pagination/page-query.dto.js';
import type { ListNotificationsQuery } from './dto/list-notifications.query.js';
import { NotificationEntity } from './notification.entity.js';

export type NewNotification = Pick<NotificationEntity, 'businessId' | 'kind' | 'title' | 'body' | 'batchId' | 'recallId'>;

function mapNotification(n: NotificationEntity): NotificationView {
  return {
    id: n.id, kind: n.kind, title: n.title, body: n.body, batchId: n.batchId, recallId: n.recallId,
    createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null,
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
    const [rows, total] = await this.db.getRepository(NotificationEntity).findAndCount({
      where: { businessId: actor.businessId!, ...(query.unread ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' }, skip: query.offset, take: query.limit,
    });
    return toPage(rows, total, query, mapNotification);
  }

  /** Reading a notice is not a write anyone audits: it only changes what the business sees as new. */
  async markRead(actor: Actor, id: string): Promise<void> {
    const result = await this.db.getRepository(NotificationEntity).update({ id, businessId: actor.businessId! }, { readAt: () => 'coalesce(read_at, now())' });
    if (!result.affected) throw new DomainError('NOTIFICATION_NOT_FOUND');
  }
}
