import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/principal.js';
import { BatchEventsService } from '../events/batch-events.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { QueryEventsDto } from './dto/query-events.dto.js';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, type QueryPageDto } from './dto/query-page.dto.js';
import { digitalLinkGtins, EPC_FORMAT_HEADER, formatEpcs, parseEpcFormat, type EpcFormat } from './epc-format.js';
import { eventConditions, eventIdIn, MATCH_PARAMETERS, SqlParams, visibleEvents } from './epcis-query.filters.js';
import { PageTokens } from './epcis-query.page-token.js';
import {
  collection,
  epcisDocument,
  EpcisReply,
  nextLink,
  queryDocument,
  withRecordTime,
  type EpcisCollection,
  type EpcisDocument,
  type EpcisEvent,
  type EpcisQueryDocument,
} from './query-document.js';

interface EventRow {
  id: string;
  document: Record<string, unknown> | string;
  record_time: Date | string;
  sort_key?: string;
}

/** The discovery lists and the event column each one lists the values of. */
export const DISCOVERY_LISTS = {
  eventTypes: 'event_type',
  bizSteps: 'biz_step',
  dispositions: 'disposition',
  readPoints: 'read_point',
  bizLocations: 'biz_location',
} as const;
export type DiscoveryList = keyof typeof DISCOVERY_LISTS;

/** What `GET /epcis` lists: the top-level resources this repository serves. */
const TOP_LEVEL_RESOURCES = ['capture', 'events', 'eventTypes', 'bizSteps', 'dispositions', 'readPoints', 'bizLocations'];

// The query parameters that define a result list (all but the page size and position), in a fixed
// order: what a page token is bound to, and what the `Link` to the next page repeats.
const FILTER_KEYS = [
  'eventType',
  'GE_eventTime',
  'LT_eventTime',
  'GE_recordTime',
  'LT_recordTime',
  'EQ_action',
  'EQ_bizStep',
  'EQ_disposition',
  'EQ_readPoint',
  'EQ_bizLocation',
  ...MATCH_PARAMETERS,
  'EQ_eventID',
  'EXISTS_errorDeclaration',
  'orderBy',
  'orderDirection',
] as const satisfies readonly (keyof QueryEventsDto)[];

// A timestamp as text with all of PostgreSQL's microseconds, so a page boundary is exact.
const sortKey = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The read side of the EPCIS 2.0 REST binding: the standard event query, single events,
 * discovery lists and a batch's history as an EPCIS document, each within what the caller may
 * read, decided in SQL.
 */
@Injectable()
export class EpcisQueryService {
  private readonly tokens: PageTokens;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly batchEvents: BatchEventsService,
  ) {
    this.tokens = new PageTokens(config.authSecret);
  }

  /** `GET /epcis/events`: one indexed query for the page, keyset-paged. */
  async queryEvents(actor: Actor, query: QueryEventsDto, epcFormat: string | undefined): Promise<EpcisReply<EpcisQueryDocument>> {
    const format = parseEpcFormat(epcFormat);
    const perPage = Math.min(query.perPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
    const orderBy = query.orderBy ?? 'recordTime';
    // The standard's default direction is DESC; without orderBy the portal lists in recording order.
    const direction = query.orderDirection ?? (query.orderBy ? 'DESC' : 'ASC');
    const filters = Object.fromEntries(FILTER_KEYS.flatMap((key) => (query[key] !== undefined ? [[key, query[key]]] : [])));
    const digest = PageTokens.queryDigest('events', filters);

    const params = new SqlParams();
    const column = orderBy === 'eventTime' ? 'e.event_time' : 'e.record_time';
    const where = [visibleEvents(actor.principal, params), ...eventConditions(query, params)];
    if (query.nextPageToken) {
      const position = this.tokens.read(query.nextPageToken, digest);
      where.push(
        `(${column}, e.id) ${direction === 'ASC' ? '>' : '<'} (${params.add(position.after)}::timestamptz, ${params.add(position.id)}::uuid)`,
      );
    }
    const rows: EventRow[] = await this.db.query(
      `SELECT e.id, e.document, e.record_time, ${sortKey(column)} AS sort_key FROM events e
        WHERE ${where.join(' AND ')}
        ORDER BY ${column} ${direction}, e.id ${direction}
        LIMIT ${params.add(perPage + 1)}`,
      params.values,
    );

    const page = rows.slice(0, perPage);
    const headers: Record<string, string> = { [EPC_FORMAT_HEADER]: format };
    const last = page[page.length - 1];
    if (rows.length > perPage && last) {
      const token = this.tokens.issue(digest, { after: last.sort_key!, id: last.id });
      headers.Link = nextLink(this.url('/epcis/events', { ...listsAsText(filters), perPage: String(perPage), nextPageToken: token }));
    }
    return new EpcisReply(queryDocument(await this.format(page, format)), headers);
  }

  /** `GET /epcis/events/{eventID}`: the event, and its error declaration when there is one. */
  async getEvent(actor: Actor, eventId: string, epcFormat: string | undefined): Promise<EpcisReply<EpcisQueryDocument>> {
    const format = parseEpcFormat(epcFormat);
    const params = new SqlParams();
    const rows: EventRow[] = await this.db.query(
      `SELECT e.id, e.document, e.record_time FROM events e
        WHERE ${eventIdIn([eventId], params)} AND ${visibleEvents(actor.principal, params)}
        ORDER BY e.error_declared, e.record_time`,
      params.values,
    );
    // An event the caller may not read is answered as one that does not exist.
    if (!rows.length) throw new DomainError('EVENT_NOT_FOUND');
    return new EpcisReply(queryDocument(await this.format(rows, format)), { [EPC_FORMAT_HEADER]: format });
  }

  /** `GET /epcis/eventTypes`, `/bizSteps`, ...: the distinct values among the events the caller may read. */
  async listValues(actor: Actor, list: DiscoveryList, query: QueryPageDto): Promise<EpcisReply<EpcisCollection>> {
    const perPage = Math.min(query.perPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
    const digest = PageTokens.queryDigest(list, {});
    const column = `e.${DISCOVERY_LISTS[list]}`;
    const params = new SqlParams();
    const where = [`${column} IS NOT NULL`, visibleEvents(actor.principal, params)];
    if (query.nextPageToken) where.push(`${column} > ${params.add(this.tokens.read(query.nextPageToken, digest).after)}`);
    const rows: { value: string }[] = await this.db.query(
      `SELECT DISTINCT ${column} AS value FROM events e WHERE ${where.join(' AND ')} ORDER BY value LIMIT ${params.add(perPage + 1)}`,
      params.values,
    );
    const members = rows.slice(0, perPage).map((r) => r.value);
    const headers: Record<string, string> = {};
    const last = members[members.length - 1];
    if (rows.length > perPage && last !== undefined) {
      const token = this.tokens.issue(digest, { after: last, id: '' });
      headers.Link = nextLink(this.url(`/epcis/${list}`, { perPage: String(perPage), nextPageToken: token }));
    }
    return new EpcisReply(collection(members), headers);
  }

  /** `GET /epcis`: what this repository serves. */
  topLevel(): EpcisCollection {
    return collection(TOP_LEVEL_RESOURCES);
  }

  /**
   * `GET /api/batches/{id}/epcis`: the batch's own events, oldest first, as an EPCISDocument, for
   * whoever may read `GET /api/batches/{id}/events` (inspectors, its producer, and the businesses
   * that recorded events on it).
   */
  async exportBatch(actor: Actor, batchId: string, epcFormat: string | undefined): Promise<EpcisReply<EpcisDocument>> {
    const format = parseEpcFormat(epcFormat);
    await this.batchEvents.assertMayReadRecords(actor, batchId);
    const rows: EventRow[] = await this.db.query(
      `SELECT e.id, e.document, e.record_time FROM events e
        WHERE e.id IN (SELECT eb.event_id FROM event_batches eb WHERE eb.batch_id = $1)
        ORDER BY e.event_time, e.record_time, e.id`,
      [batchId],
    );
    return new EpcisReply(epcisDocument(await this.format(rows, format)), { [EPC_FORMAT_HEADER]: format });
  }

  /**
   * The events as they leave the portal: as captured, with their record time, EPCs in the asked
   * format. For EPC URNs, one query finds the company prefixes of the GTINs named.
   */
  private async format(rows: EventRow[], format: EpcFormat): Promise<EpcisEvent[]> {
    const events = rows.map((row) =>
      withRecordTime(typeof row.document === 'string' ? JSON.parse(row.document) : row.document, new Date(row.record_time)),
    );
    if (format !== 'Always_EPC_URN') return events.map((event) => formatEpcs(event, format, () => undefined));
    const gtins = [...new Set(events.flatMap(digitalLinkGtins))];
    const prefixes = new Map<string, string>();
    if (gtins.length) {
      const found: { gtin: string; prefix: string }[] = await this.db.query(
        `SELECT g.gtin, c.prefix FROM unnest($1::text[]) AS g (gtin)
           JOIN business_gs1_prefixes c ON c.confirmed AND c.coverage @> substr(g.gtin, 2, 12)::int8 AND c.prefix NOT LIKE '00000%'`,
        [gtins],
      );
      for (const { gtin, prefix } of found) prefixes.set(gtin.trim(), prefix);
    }
    return events.map((event) => formatEpcs(event, format, (gtin) => prefixes.get(gtin)));
  }

  private url(path: string, query: Record<string, string>): string {
    return `${this.config.publicBaseUrl}${path}?${new URLSearchParams(query).toString()}`;
  }
}

/** Query parameters as the `Link` repeats them: lists joined with the binding's `|`. */
function listsAsText(filters: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, Array.isArray(value) ? value.join('|') : String(value)]));
}
