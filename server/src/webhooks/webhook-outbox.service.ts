import { Injectable } from '@nestjs/common';
import type { WebhookEventType } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { insertDeliveries, insertSubscriptionDelivery } from './webhook-deliveries.queries.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/**
 * Queues deliveries in the transaction of what they announce, so a rolled-back recall is never
 * announced and a committed one always is; the dispatcher sends them afterwards.
 */
@Injectable()
export class WebhookOutbox {
  constructor(private readonly dispatcher: WebhookDispatcher) {}

  /** One delivery to each active webhook of each business, with that business's payload. */
  async enqueue(tx: EntityManager, type: WebhookEventType, payloads: Map<string, Record<string, unknown>>): Promise<void> {
    if (payloads.size === 0) return;
    await insertDeliveries(
      tx,
      type,
      [...payloads].map(([businessId, payload]) => ({ businessId, payload: { type, ...payload } })),
    );
  }

  /** Queues a document of events for an EPCIS query subscription's address, sent and retried as webhooks are. */
  async enqueueForSubscription(tx: EntityManager, subscriptionId: string, document: object): Promise<void> {
    await insertSubscriptionDelivery(tx, subscriptionId, document);
  }

  /** Sends what is queued now rather than at the dispatcher's next round: call it after the commit. */
  send(): void {
    this.dispatcher.kick();
  }
}
