import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreatedWebhook, WebhookView } from '@nguon/shared';
import { DataSource, IsNull } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { userOf, type Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { CreateWebhookDto } from './dto/create-webhook.dto.js';
import { newWebhookSecret } from './webhook-signature.js';
import { WebhookEntity } from './webhook.entity.js';

type LastDelivery = { webhook_id: string; status: 'pending' | 'delivered' | 'failed'; attempts: number; last_status: number | null; at: Date };

function mapWebhook(webhook: WebhookEntity, last: LastDelivery | undefined): WebhookView {
  return {
    id: webhook.id, businessId: webhook.businessId, url: webhook.url, createdAt: webhook.createdAt.toISOString(),
    lastDelivery: last ? { status: last.status, attempts: last.attempts, lastStatus: last.last_status, at: last.at.toISOString() } : null,
  };
}

/** A business's webhooks: made and removed by its owners; the secret is shown once. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async list(actor: Actor): Promise<WebhookView[]> {
    const webhooks = await this.db.getRepository(WebhookEntity).find({ where: { businessId: actor.businessId!, disabledAt: IsNull() }, order: { createdAt: 'DESC' } });
    const last: LastDelivery[] = webhooks.length
      ? await this.db.query(
        `SELECT DISTINCT ON (webhook_id) webhook_id, status, attempts, last_status, coalesce(delivered_at, created_at) AS at
           FROM webhook_deliveries WHERE webhook_id = ANY($1::uuid[]) ORDER BY webhook_id, created_at DESC`,
        [webhooks.map((w) => w.id)],
      )
      : [];
    return webhooks.map((w) => mapWebhook(w, last.find((l) => l.webhook_id === w.id)));
  }

  create(actor: Actor, dto: CreateWebhookDto): Promise<CreatedWebhook> {
    return this.db.transaction(async (tx) => {
      const secret = newWebhookSecret();
      const repository = tx.getRepository(WebhookEntity);
      const saved = await repository.save(repository.create({ businessId: actor.businessId!, url: dto.url, secret, createdBy: userOf(actor).id, disabledAt: null }));
      await this.audit.record(tx, actor, { action: 'webhook.create', targetType: 'webhook', targetId: saved.id, details: { url: dto.url } });
      return { ...mapWebhook(saved, undefined), secret };
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const result = await tx.getRepository(WebhookEntity).update({ id, businessId: actor.businessId!, disabledAt: IsNull() }, { disabledAt: new Date() });
      if (!result.affected) throw new DomainError('WEBHOOK_NOT_FOUND');
      // Nothing more is sent to an address its owner took away.
      await tx.query(`UPDATE webhook_deliveries SET status = 'failed', last_error = 'webhook removed' WHERE webhook_id = $1 AND status = 'pending'`, [id]);
      await this.audit.record(tx, actor, { action: 'webhook.remove', targetType: 'webhook', targetId: id });
    });
  }
}
