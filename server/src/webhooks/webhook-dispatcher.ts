import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AddressRefusedError, OutboundHttp } from '../common/outbound/outbound-http.js';
import { claimDueDeliveries, recordAttempt, type DueDeliveryRow } from './webhook-deliveries.queries.js';
import { signWebhook } from './webhook-signature.js';

const POLL_MS = 5_000;
const MAX_ATTEMPTS = 8;
/** Retries wait 30 s, 1 min, 2 min... up to 6 h: a receiver down for a day still gets the news. */
const retryDelaySeconds = (attempts: number) => Math.min(30 * 2 ** (attempts - 1), 6 * 3600);

/**
 * How a delivery is announced and signed (`t=<unix seconds>,v1=<HMAC>`): a webhook's news with the
 * portal's headers; an EPCIS subscription's document as EPCIS JSON-LD, signed in `GS1-Signature`
 * with the token its subscriber chose, when it chose one.
 */
function headersOf(delivery: DueDeliveryRow, body: string): Record<string, string> {
  const signature = delivery.secret ? signWebhook(delivery.secret, body, Math.floor(Date.now() / 1000)) : null;
  const common = { 'user-agent': 'Nguon-Webhooks/1', 'x-nguon-event': delivery.event_type, 'x-nguon-delivery': delivery.id };
  if (!delivery.subscription_id) return { ...common, 'content-type': 'application/json', 'x-nguon-signature': signature! };
  return {
    ...common,
    'content-type': 'application/ld+json',
    'gs1-epcis-version': '2.0.0',
    'gs1-cbv-version': '2.0.0',
    ...(signature ? { 'gs1-signature': signature } : {}),
  };
}

/**
 * Sends queued webhook deliveries (a business's news, and EPCIS subscriptions' documents), signed, with retries. Any instance may send any delivery:
 * claiming one leases it for two minutes (`FOR UPDATE SKIP LOCKED`), so instances do not send the
 * same one twice, and one that dies mid-send leaves it to be retried when the lease runs out.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbound: OutboundHttp,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.again = false;
    await this.running;
  }

  /** Sends what is due now (called after a commit that queued deliveries, and on a timer). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: Error) => this.logger.warn(`webhook deliveries paused: ${error.message}`))
      .finally(() => {
        this.running = null;
        if (this.again && this.timer) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const due = await claimDueDeliveries(this.db.manager);
      if (due.length === 0) return;
      await Promise.all(due.map((delivery) => this.deliver(delivery)));
    }
  }

  private async deliver(delivery: DueDeliveryRow): Promise<void> {
    const body = JSON.stringify(delivery.payload);
    let status: number | null = null;
    let outcome: 'delivered' | 'refused' | 'failed';
    let problem: string | null = null;
    try {
      ({ status } = await this.outbound.post(delivery.url, body, headersOf(delivery, body)));
      // Only a 2xx is delivered: a redirect is not followed (it could point anywhere inside).
      outcome = status >= 200 && status < 300 ? 'delivered' : 'failed';
      if (outcome === 'failed') problem = `HTTP ${status}`;
    } catch (error) {
      // An address the policy refuses stays refused: no retries against an internal host.
      outcome = error instanceof AddressRefusedError ? 'refused' : 'failed';
      problem = (error as Error).message.slice(0, 500);
      if (outcome === 'refused') this.logger.warn(`webhook delivery ${delivery.id} ${problem}`);
    }
    const next = outcome === 'failed' && delivery.attempts < MAX_ATTEMPTS ? 'pending' : outcome;
    // last_status and last_error are for the operator; owners see only the outcome.
    await recordAttempt(this.db.manager, delivery.id, {
      next,
      httpStatus: status,
      problem,
      retryDelaySeconds: retryDelaySeconds(delivery.attempts),
    });
  }
}
