import { Injectable } from '@nestjs/common';
import type { WebhookEventType } from '@nguon/shared';
import type { EntityManager } from 'typeorm';

/**
 * Queues deliveries in the transaction of what they announce, so a rolled-back recall is never
 * announced and a committed one always is; the dispatcher sends them afterwards.
 */
@Injectable()
export class WebhookOutbox {
  /** One delivery to each active webhook of each business, with that business's payload. */
  async enqueue(tx: EntityManager, type: WebhookEventType, payloads: Map<string, Record<string, unknown>>): Promise<void> {
    if (payloads.size === 0) return;
    const businessIds = [...payloads.keys()];
    await tx.query(
      `INSERT INTO webhook_deliveries (webhook_id, event_type, payload)
       SELECT w.id, $1, p.payload
         FROM webhooks w
         JOIN unnest($2::uuid[], $3::jsonb[]) AS p(business_id, payload) ON p.business_id = w.business_id
        WHERE w.disabled_at IS NULL`,
      [type, businessIds, businessIds.map((id) => JSON.stringify({ type, ...payloads.get(id) }))],
    );
  }
}
