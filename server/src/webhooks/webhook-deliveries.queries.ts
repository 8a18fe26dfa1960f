import type { LogCheckpointDelivery, WebhookDeliveryStatus, WebhookEventType } from '@nguon/shared';
import type { EntityManager } from 'typeorm';

/** How many deliveries one claim leases. */
const CLAIM_SIZE = 20;

/** A delivery leased for sending, with where and how to sign it (a subscription's token is optional). */
export interface DueDeliveryRow {
  id: string;
  event_type: string;
  payload: Record<string, unknown>;
  attempts: number;
  url: string;
  secret: string | null;
  /** Set for an EPCIS query subscription's document, null for a webhook's news. */
  subscription_id: string | null;
}

/** A webhook's latest delivery that was tried. */
export interface LastDeliveryRow {
  webhook_id: string;
  status: 'pending' | WebhookDeliveryStatus;
  attempts: number;
  last_attempt_at: Date;
  next_attempt_at: Date;
}

/** How a delivery attempt went, and when to try again if it stays pending. */
export interface DeliveryAttempt {
  next: 'pending' | WebhookDeliveryStatus;
  httpStatus: number | null;
  problem: string | null;
  retryDelaySeconds: number;
}

/** Queues one delivery to each active webhook of each business that hears of `type`, with that business's payload. */
export async function insertDeliveries(
  tx: EntityManager,
  type: WebhookEventType,
  payloads: { businessId: string; payload: Record<string, unknown> }[],
): Promise<void> {
  await tx.query(
    `INSERT INTO webhook_deliveries (webhook_id, event_type, payload)
     SELECT w.id, $1, p.payload
       FROM webhooks w
       JOIN unnest($2::uuid[], $3::jsonb[]) AS p(business_id, payload) ON p.business_id = w.business_id
      WHERE w.disabled_at IS NULL AND $1 = ANY(w.events)`,
    [type, payloads.map((p) => p.businessId), payloads.map((p) => JSON.stringify(p.payload))],
  );
}

/**
 * Queues a day's checkpoint for every active webhook that hears of them and has not had that day's
 * yet (a unique index: once a day each, whichever instance queues it, however often); how many.
 */
export async function insertCheckpointDeliveries(db: EntityManager, payload: LogCheckpointDelivery): Promise<number> {
  const rows = await db.query<unknown[]>(
    `INSERT INTO webhook_deliveries (webhook_id, event_type, payload)
     SELECT w.id, $1::text, $2::jsonb FROM webhooks w WHERE w.disabled_at IS NULL AND $1::text = ANY(w.events)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [payload.type, JSON.stringify(payload)],
  );
  return rows.length;
}

/** Queues a document of events for an EPCIS query subscription, in the transaction that moves its position. */
export async function insertSubscriptionDelivery(tx: EntityManager, subscriptionId: string, payload: object): Promise<void> {
  await tx.query(`INSERT INTO webhook_deliveries (subscription_id, event_type, payload) VALUES ($1, $2, $3)`, [
    subscriptionId,
    SUBSCRIPTION_DELIVERY,
    JSON.stringify(payload),
  ]);
}

/** The type of a subscription's deliveries. */
export const SUBSCRIPTION_DELIVERY = 'epcis.query_results';

/**
 * Leases the deliveries due now, oldest first, for two minutes (`FOR UPDATE SKIP LOCKED`, so two
 * instances never claim the same one), counting the attempt; each with its webhook's or its
 * subscription's address and secret. The due ids are read once, as an array: as `IN (SELECT …)`
 * the planner may rescan them for every delivery when its statistics are stale (as the log's queue did).
 */
export async function claimDueDeliveries(db: EntityManager): Promise<DueDeliveryRow[]> {
  const [rows] = (await db.query(
    `UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + interval '2 minutes'
      WHERE d.id = ANY (ARRAY(SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now()
                               ORDER BY next_attempt_at LIMIT ${CLAIM_SIZE} FOR UPDATE SKIP LOCKED))
      RETURNING d.id, d.event_type, d.payload, d.attempts, d.subscription_id,
                COALESCE((SELECT w.url FROM webhooks w WHERE w.id = d.webhook_id),
                         (SELECT s.dest FROM query_subscriptions s WHERE s.id = d.subscription_id)) AS url,
                COALESCE((SELECT w.secret FROM webhooks w WHERE w.id = d.webhook_id),
                         (SELECT s.signature_token FROM query_subscriptions s WHERE s.id = d.subscription_id)) AS secret`,
  )) as [DueDeliveryRow[], number];
  return rows;
}

/** Records how the attempt went; a subscription's document delivered is when its subscriber was last notified. */
export async function recordAttempt(db: EntityManager, deliveryId: string, attempt: DeliveryAttempt): Promise<void> {
  await db.query(
    `WITH tried AS (
       UPDATE webhook_deliveries SET status = $2, last_status = $3, last_error = $4, last_attempt_at = now(),
              delivered_at = CASE WHEN $2 = 'delivered' THEN now() END, next_attempt_at = now() + make_interval(secs => $5)
        WHERE id = $1 RETURNING subscription_id)
     UPDATE query_subscriptions SET last_notified_at = now() WHERE $2 = 'delivered' AND id = (SELECT subscription_id FROM tried)`,
    [deliveryId, attempt.next, attempt.httpStatus, attempt.problem, attempt.retryDelaySeconds],
  );
}

/** The latest tried delivery of each of the webhooks (none for a webhook never tried). */
export function loadLastDeliveries(db: EntityManager, webhookIds: string[]): Promise<LastDeliveryRow[]> {
  return db.query(
    `SELECT DISTINCT ON (webhook_id) webhook_id, status, attempts, last_attempt_at, next_attempt_at
     FROM webhook_deliveries WHERE webhook_id = ANY($1::uuid[]) AND last_attempt_at IS NOT NULL ORDER BY webhook_id, created_at DESC`,
    [webhookIds],
  );
}

/** Gives up the webhook's pending deliveries. */
export async function failPendingDeliveries(tx: EntityManager, webhookId: string): Promise<void> {
  await tx.query(
    `UPDATE webhook_deliveries SET status = 'failed', last_error = 'webhook removed' WHERE webhook_id = $1 AND status = 'pending'`,
    [webhookId],
  );
}
