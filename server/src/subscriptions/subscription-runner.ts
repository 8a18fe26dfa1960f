import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Authenticator } from '../auth/authenticator.js';
import type { Principal } from '../auth/principal.js';
import { Notices } from '../common/notices/notices.js';
import { parseEpcFormat } from '../epcis/epc-format.js';
import { EpcisQueryService } from '../epcis/epcis-query.service.js';
import { queryDocument } from '../epcis/query-document.js';
import { parseStoredQuery } from '../epcis/stored-query.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.service.js';
import { nextRun, parseSchedule, type ScheduleInput } from './query-schedule.js';
import {
  findNextScheduledRun,
  findSubscriber,
  findRunnableSubscriptions,
  lockRunnableSubscription,
  saveRun,
  suspendSubscription,
  type RunnableSubscriptionRow,
} from './query-subscriptions.queries.js';
import { EVENTS_RECORDED_CHANNEL, mayStillRead, nextDocument } from './subscription-window.js';

/** A safety net for notices missed while no instance listened: every stream is looked at this often. */
const SWEEP_MS = 30_000;

/**
 * Runs webhook subscriptions, on any instance: streams when events are recorded (the database's
 * notice reaches every instance), schedules when due. Each run locks its subscription (`SKIP
 * LOCKED`: one instance runs it at a time), reads the new matching events in documents of
 * `EVENTS_PER_DOCUMENT`, and in the same transaction queues each document for delivery and stores
 * how far it read, so nothing is skipped or queued twice, whatever restarts. The webhook dispatcher
 * sends the documents, signed and retried.
 */
@Injectable()
export class SubscriptionRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SubscriptionRunner.name);
  private sweep: NodeJS.Timeout | null = null;
  private nextSchedule: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notices: Notices,
    private readonly epcis: EpcisQueryService,
    private readonly authenticator: Authenticator,
    private readonly outbox: WebhookOutbox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.notices.listen(EVENTS_RECORDED_CHANNEL, { heard: () => this.kick(), missed: () => this.kick() });
    this.sweep = setInterval(() => this.kick(), SWEEP_MS);
    this.sweep.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.sweep) clearInterval(this.sweep);
    if (this.nextSchedule) clearTimeout(this.nextSchedule);
    await this.running;
  }

  /** Runs what may have something to send (after events were recorded, a subscription made, a schedule due). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runAll()
      .catch((error: Error) => this.logger.warn(`subscriptions paused: ${error.message}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async runAll(): Promise<void> {
    let queued = false;
    for (const id of await findRunnableSubscriptions(this.db.manager)) {
      if (this.stopped) return;
      // One subscription that fails (its query no longer checks, a delivery row refused) does not hold back the others.
      try {
        queued = (await this.run(id)) || queued;
      } catch (error) {
        this.logger.warn(`subscription ${id} not run: ${(error as Error).message}`);
      }
    }
    if (queued) this.outbox.send();
    await this.wakeForNextSchedule();
  }

  /**
   * One subscription's run, a transaction per document; whether it queued any. The subscriber's
   * rights are read first, outside the transactions (the embedded database has one session).
   */
  private async run(id: string): Promise<boolean> {
    const subscriber = await findSubscriber(this.db.manager, id);
    if (!subscriber) return false;
    const principal = await this.authenticator.standing(subscriber);
    if (!mayStillRead(principal)) {
      this.logger.warn(`subscription ${id} suspended: its subscriber may no longer read events`);
      await suspendSubscription(this.db.manager, id);
      return false;
    }
    let queued = false;
    for (let first = true; ; first = false) {
      const step = await this.db.transaction((tx) => this.step(tx, id, principal, first));
      queued ||= step.queued;
      if (!step.more) return queued;
    }
  }

  private async step(tx: EntityManager, id: string, principal: Principal, first: boolean): Promise<{ queued: boolean; more: boolean }> {
    // Asked before anything else, so the window ends where every earlier transaction is final.
    const { horizon } = await this.epcis.recordingHorizon(tx);
    const subscription = await lockRunnableSubscription(tx, id);
    if (!subscription) return { queued: false, more: false };
    const { events, position, more } = await nextDocument(
      this.epcis,
      tx,
      principal,
      parseStoredQuery(subscription.query),
      {
        after: { txid: subscription.position_txid, eventId: subscription.position_event },
        horizon,
        recordedFrom: subscription.initial_record_time,
      },
      parseEpcFormat(subscription.epc_format),
    );
    const reportsEmpty = !subscription.stream && subscription.report_if_empty && first;
    if (events.length || reportsEmpty) {
      await this.outbox.enqueueForSubscription(tx, id, queryDocument(events, id));
    }
    const nextRunAt = more ? null : this.nextRunOf(subscription);
    if (!more && !subscription.stream && !nextRunAt) {
      this.logger.warn(`subscription ${id} suspended: its schedule has no run left`);
      await suspendSubscription(tx, id);
    }
    await saveRun(tx, id, { positionTxid: position.txid, positionEvent: position.eventId, finished: !more, nextRunAt });
    return { queued: events.length > 0 || reportsEmpty, more };
  }

  private nextRunOf(subscription: RunnableSubscriptionRow): Date | null {
    if (subscription.stream) return null;
    const parsed = parseSchedule(subscription.schedule as ScheduleInput);
    return 'schedule' in parsed ? nextRun(parsed.schedule, new Date()) : null;
  }

  /** Sleeps until the next schedule is due, when that comes before the next sweep. */
  private async wakeForNextSchedule(): Promise<void> {
    const at = await findNextScheduledRun(this.db.manager);
    if (this.nextSchedule) clearTimeout(this.nextSchedule);
    this.nextSchedule = null;
    if (!at || this.stopped) return;
    const wait = Math.max(0, at.getTime() - Date.now());
    if (wait >= SWEEP_MS) return;
    this.nextSchedule = setTimeout(() => this.kick(), wait + 50);
    this.nextSchedule.unref();
  }
}
