import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { callableUrl } from '../common/outbound/callable-url.js';
import { OutboundHttp } from '../common/outbound/outbound-http.js';
import { parseEpcFormat } from '../epcis/epc-format.js';
import { NamedQueriesService } from '../epcis/named-queries.service.js';
import type { QueryPageDto } from '../epcis/dto/query-page.dto.js';
import { PageTokens } from '../epcis/epcis-query.page-token.js';
import type { EpcisReply } from '../epcis/query-document.js';
import type { CreateSubscriptionDto } from './dto/create-subscription.dto.js';
import { nextRun } from './query-schedule.js';
import {
  countSubscriptions,
  deleteSubscription,
  findSubscription,
  insertSubscription,
  listSubscriptions,
  type SubscriptionRow,
} from './query-subscriptions.queries.js';
import { SubscriptionRunner } from './subscription-runner.js';
import { subscriptionTiming } from './subscription-terms.js';

/** Subscriptions one query may have: each is run, and each document sent, on its own. */
const MAX_SUBSCRIPTIONS = 20;

/** A subscription as GS1's AbstractQuerySubscriptionResponse shows it, plus whether it still runs. */
export interface SubscriptionView {
  subscriptionID: string;
  queryName: string;
  dest: string;
  createdAt: string;
  initialRecordTime: string;
  minRecordTime: string;
  lastNotifiedAt: string | null;
  epcFormat: string;
  /** false once its subscriber lost the right to read (user disabled, API key revoked): nothing more is sent. */
  active: boolean;
  stream?: true;
  schedule?: Record<string, string>;
  reportIfEmpty?: boolean;
}

function viewOf(row: SubscriptionRow, queryName: string): SubscriptionView {
  return {
    subscriptionID: row.id,
    queryName,
    dest: row.dest,
    createdAt: row.created_at.toISOString(),
    initialRecordTime: row.initial_record_time.toISOString(),
    minRecordTime: (row.last_run_at ?? row.initial_record_time).toISOString(),
    lastNotifiedAt: row.last_notified_at?.toISOString() ?? null,
    epcFormat: row.epc_format,
    active: row.suspended_at === null,
    ...(row.stream ? { stream: true as const } : { schedule: row.schedule as Record<string, string>, reportIfEmpty: row.report_if_empty }),
  };
}

/**
 * Webhook subscriptions to a named query (`/epcis/queries/{name}/subscriptions`): whoever owns the
 * query subscribes, and the runs read with that subscriber's rights as they stand at each run.
 */
@Injectable()
export class QuerySubscriptionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queries: NamedQueriesService,
    private readonly tokens: PageTokens,
    private readonly outbound: OutboundHttp,
    private readonly audit: AuditTrail,
    private readonly runner: SubscriptionRunner,
  ) {}

  async create(actor: Actor, queryName: string, dto: CreateSubscriptionDto, epcFormat: string | undefined): Promise<SubscriptionView> {
    const named = await this.queries.find(actor.principal, queryName);
    const timing = subscriptionTiming(dto);
    const format = parseEpcFormat(epcFormat);
    const dest = await callableUrl(this.outbound, dto.dest, 'dest');
    const now = new Date();
    const row = await this.db.transaction(async (tx) => {
      if ((await countSubscriptions(tx, named.id)) >= MAX_SUBSCRIPTIONS) throw new DomainError('SUBSCRIPTION_LIMIT_REACHED');
      const created = await insertSubscription(tx, {
        queryId: named.id,
        principal: { kind: actor.principal.kind, id: actor.principal.id },
        dest,
        signatureToken: dto.signatureToken ?? null,
        schedule: timing.stream ? null : timing.scheduleInput,
        reportIfEmpty: !timing.stream && timing.reportIfEmpty,
        epcFormat: format,
        initialRecordTime: dto.initialRecordTime ? new Date(dto.initialRecordTime) : now,
        nextRunAt: timing.stream ? null : nextRun(timing.schedule, now),
      });
      await this.audit.record(tx, actor, {
        action: 'epcis_subscription.create',
        targetType: 'query_subscription',
        targetId: created.id,
        details: { query: named.name, dest },
      });
      return created;
    });
    // Events recorded since initialRecordTime go out now, not at the next capture.
    this.runner.kick();
    return viewOf(row, named.name);
  }

  async list(actor: Actor, queryName: string, page: QueryPageDto): Promise<EpcisReply<SubscriptionView[]>> {
    const named = await this.queries.find(actor.principal, queryName);
    return this.tokens.listPage(`/epcis/queries/${encodeURIComponent(named.name)}/subscriptions`, page, async (after, limit) => {
      const rows = await listSubscriptions(this.db.manager, named.id, after, limit);
      return rows.map((row) => ({ key: row.id, item: viewOf(row, named.name) }));
    });
  }

  async get(actor: Actor, queryName: string, id: string): Promise<SubscriptionView> {
    const named = await this.queries.find(actor.principal, queryName);
    const row = await findSubscription(this.db.manager, named.id, id);
    if (!row) throw new DomainError('SUBSCRIPTION_NOT_FOUND');
    return viewOf(row, named.name);
  }

  async remove(actor: Actor, queryName: string, id: string): Promise<void> {
    const named = await this.queries.find(actor.principal, queryName);
    await this.db.transaction(async (tx) => {
      if (!(await deleteSubscription(tx, named.id, id))) throw new DomainError('SUBSCRIPTION_NOT_FOUND');
      await this.audit.record(tx, actor, { action: 'epcis_subscription.delete', targetType: 'query_subscription', targetId: id });
    });
  }
}
