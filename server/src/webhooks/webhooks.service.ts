import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES, type CreatedWebhook, type WebhookView } from '@nguon/shared';
import { DataSource, IsNull, Repository } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { userOf, type Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { callableUrl } from '../common/outbound/callable-url.js';
import { OutboundHttp } from '../common/outbound/outbound-http.js';
import type { CreateWebhookDto } from './dto/create-webhook.dto.js';
import { failPendingDeliveries, loadLastDeliveries, type LastDeliveryRow } from './webhook-deliveries.queries.js';
import { newWebhookSecret } from './webhook-signature.js';
import { WebhookEntity } from './webhook.entity.js';

function mapWebhook(webhook: WebhookEntity, last: LastDeliveryRow | undefined): WebhookView {
  return {
    id: webhook.id,
    businessId: webhook.businessId,
    url: webhook.url,
    events: webhook.events,
    createdAt: webhook.createdAt.toISOString(),
    // A delivery still pending has been tried and failed, and waits for its next attempt.
    lastDelivery: last
      ? {
          status: last.status === 'pending' ? 'failed' : last.status,
          attempts: last.attempts,
          at: last.last_attempt_at.toISOString(),
          nextAttemptAt: last.status === 'pending' ? last.next_attempt_at.toISOString() : null,
        }
      : null,
  };
}

/** A business's webhooks: made and removed by its owners; the secret is shown once. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(WebhookEntity) private readonly webhooks: Repository<WebhookEntity>,
    private readonly audit: AuditTrail,
    private readonly outbound: OutboundHttp,
  ) {}

  async list(actor: Actor): Promise<WebhookView[]> {
    const webhooks = await this.webhooks.find({
      where: { businessId: actor.businessId!, disabledAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    const last = webhooks.length
      ? await loadLastDeliveries(
          this.db.manager,
          webhooks.map((w) => w.id),
        )
      : [];
    return webhooks.map((w) =>
      mapWebhook(
        w,
        last.find((l) => l.webhook_id === w.id),
      ),
    );
  }

  async create(actor: Actor, dto: CreateWebhookDto): Promise<CreatedWebhook> {
    const url = await callableUrl(this.outbound, dto.url, 'url');
    // Each once, in the order the API lists them.
    const events = WEBHOOK_EVENT_TYPES.filter((type) => (dto.events ?? DEFAULT_WEBHOOK_EVENTS).includes(type));
    return this.db.transaction(async (tx) => {
      const secret = newWebhookSecret();
      const repository = tx.getRepository(WebhookEntity);
      const saved = await repository.save(
        repository.create({ businessId: actor.businessId!, url, secret, events, createdBy: userOf(actor).id, disabledAt: null }),
      );
      await this.audit.record(tx, actor, { action: 'webhook.create', targetType: 'webhook', targetId: saved.id, details: { url, events } });
      return { ...mapWebhook(saved, undefined), secret };
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const result = await tx
        .getRepository(WebhookEntity)
        .update({ id, businessId: actor.businessId!, disabledAt: IsNull() }, { disabledAt: new Date() });
      if (!result.affected) throw new DomainError('WEBHOOK_NOT_FOUND');
      // Nothing more is sent to an address its owner took away.
      await failPendingDeliveries(tx, id);
      await this.audit.record(tx, actor, { action: 'webhook.remove', targetType: 'webhook', targetId: id });
    });
  }
}
