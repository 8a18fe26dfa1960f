import { Inject, Injectable } from '@nestjs/common';
import { canonicalGs1Identifier } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import type { Actor, Principal } from '../auth/principal.js';
import { ReplicaReads } from '../common/cache/replica-reads.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { QueryEventsDto } from './dto/query-events.dto.js';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE, type QueryPageDto } from './dto/query-page.dto.js';
import { digitalLinkGtins, EPC_FORMAT_HEADER, formatEpcs, parseEpcFormat, type EpcFormat } from './epc-format.js';
import { MATCH_PARAMETERS, type EventConditions } from './epcis-query.filters.js';
import { scopeOf, type EventResource } from './epcis-resources.js';
import type { OpenNameParameters } from './open-name-parameters.js';
import { PageTokens } from './epcis-query.page-token.js';
import {
  countEvents,
  findEventPage,
  findEventWithDeclaration,
  findEventsInWindow,
  findRecordingHorizon,
  type RecordingHorizon,
  findGtinPrefixes,
  listDistinctValues,
  listPlacesAsWritten,
  loadBatchEvents,
  type DiscoveryList,
  type EpcisEventRow,
  type RecordingPosition,
} from './epcis-query.queries.js';
import {
  collection,
  epcisDocument,
  EpcisReply,
  nextPageHeaders,
  queryDocument,
  withRecordTime,
  type EpcisCollection,
  type EpcisDocument,
  type EpcisEvent,
  type EpcisQueryDocument,
} from './query-document.js';

/** What `GET /epcis` lists: the top-level resources this repository serves. */
const TOP_LEVEL_RESOURCES = ['capture', 'events', 'eventTypes', 'epcs', 'bizSteps', 'bizLocations', 'readPoints', 'dispositions'];

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
  'GE_errorDeclarationTime',
  'LT_errorDeclarationTime',
  'GE_errorDeclaration_Time',
  'LT_errorDeclaration_Time',
  'EQ_errorReason',
  'EQ_correctiveEventID',
  'EQ_transformationID',
  'EQ_persistentDisposition_set',
  'EQ_persistentDisposition_unset',
  'WD_readPoint',
  'WD_bizLocation',
  'EQ_quantity',
  'GT_quantity',
  'GE_quantity',
  'LT_quantity',
  'LE_quantity',
  'EXISTS_sensorElementList',
  'GE_time',
  'LT_time',
  'GE_startTime',
  'LT_startTime',
  'GE_endTime',
  'LT_endTime',
  'EQ_type',
  'EQ_deviceID',
  'EQ_dataProcessingMethod',
  'EQ_microorganism',
  'EQ_chemicalSubstance',
  'EQ_bizRules',
  'EQ_stringValue',
  'EQ_hexBinaryValue',
  'EQ_uriValue',
  'EQ_booleanValue',
  'GT_percRank',
  'GE_percRank',
  'LT_percRank',
  'LE_percRank',
  'eventCountLimit',
  'maxEventCount',
  'orderBy',
  'orderDirection',
] as const satisfies readonly (keyof QueryEventsDto)[];

/**
 * The read side of the EPCIS 2.0 REST binding: the standard event query, single events,
 * discovery lists and a batch's history as an EPCIS document, each within what the caller may
 * read, decided in SQL.
 */
@Injectable()
export class EpcisQueryService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: PageTokens,
    private readonly reads: ReplicaReads,
  ) {}

  /**
   * `GET /epcis/events`, and `GET /epcis/{resource}/{value}/events` (the events the value names,
   * with the query's conditions too): one indexed query for the page, keyset-paged. With
   * `eventCountLimit` the pages stop after that many events; with `maxEventCount` a query matching
   * more is refused (413) before its first page.
   */
  async queryEvents(
    actor: Actor,
    query: QueryEventsDto & { openNames?: OpenNameParameters; namespaces?: Record<string, string> },
    epcFormat: string | undefined,
    within?: EventsWithin,
  ): Promise<EpcisReply<EpcisQueryDocument>> {
    const format = parseEpcFormat(epcFormat);
    if (query.eventCountLimit !== undefined && query.maxEventCount !== undefined) {
      throw new DomainError('VALIDATION_FAILED', undefined, {
        eventCountLimit: ['eventCountLimit and maxEventCount cannot be used together'],
      });
    }
    const orderBy = query.orderBy ?? 'recordTime';
    // The standard's default direction is DESC; without orderBy the portal lists in recording order.
    const direction = query.orderDirection ?? (query.orderBy ? 'DESC' : 'ASC');
    const filters = {
      ...Object.fromEntries(FILTER_KEYS.flatMap((key) => (query[key] !== undefined ? [[key, query[key]]] : []))),
      ...query.openNames,
    };
    const path = eventsPath(within);
    const scope = within && 'resource' in within ? scopeOf(within.resource, within.value) : {};
    // A named query's next page repeats only the paging: the rest is the query's.
    const repeated = within && 'namedQuery' in within ? {} : listsAsText(filters);
    // The namespaces given to extension field prefixes (GS1-Extensions) change the result too.
    const digest = PageTokens.queryDigest(path, {
      ...filters,
      ...(query.namespaces && Object.keys(query.namespaces).length ? { namespaces: query.namespaces } : {}),
    });

    const after = query.nextPageToken ? await this.tokens.read(query.nextPageToken, digest) : null;
    const given = after?.given ?? 0;
    const records = await this.reads.forEverything();
    if (!after && query.maxEventCount !== undefined) {
      const matching = await countEvents(records, actor.principal, query, scope, query.maxEventCount + 1);
      if (matching > query.maxEventCount) throw new DomainError('QUERY_TOO_LARGE');
    }
    const perPage = Math.min(query.perPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE, (query.eventCountLimit ?? Infinity) - given);
    const rows = await findEventPage(records, actor.principal, query, scope, { orderBy, direction, after, limit: perPage + 1 });
    const page = rows.slice(0, perPage);
    let headers: Record<string, string> = { [EPC_FORMAT_HEADER]: format };
    const last = page[page.length - 1];
    const limitReached = query.eventCountLimit !== undefined && given + page.length >= query.eventCountLimit;
    if (rows.length > perPage && last && !limitReached) {
      const position = { after: last.sort_key, id: last.id, ...(query.eventCountLimit ? { given: given + page.length } : {}) };
      const { token, expiresAt } = this.tokens.issue(digest, position);
      const next = this.url(path, { ...repeated, perPage: String(query.perPage ?? DEFAULT_PER_PAGE), nextPageToken: token });
      headers = { ...headers, ...nextPageHeaders(next, expiresAt) };
    }
    return new EpcisReply(queryDocument(await this.format(page, format, records)), headers);
  }

  /** `GET /epcis/events/{eventID}`: the event, and its error declaration when there is one. */
  async getEvent(actor: Actor, eventId: string, epcFormat: string | undefined): Promise<EpcisReply<EpcisQueryDocument>> {
    const format = parseEpcFormat(epcFormat);
    const records = await this.reads.forEverything();
    const rows = await findEventWithDeclaration(records, actor.principal, eventId);
    // An event the caller may not read is answered as one that does not exist.
    if (!rows.length) throw new DomainError('EVENT_NOT_FOUND');
    return new EpcisReply(queryDocument(await this.format(rows, format, records)), { [EPC_FORMAT_HEADER]: format });
  }

  /** `GET /epcis/eventTypes`, `/bizSteps`, ...: the distinct values among the events the caller may read. */
  async listValues(actor: Actor, list: DiscoveryList, query: QueryPageDto): Promise<EpcisReply<EpcisCollection>> {
    const reply = await this.tokens.listPage(`/epcis/${list}`, query, async (after, limit) => {
      const values =
        list === 'readPoints' || list === 'bizLocations'
          ? await this.places(actor, list, after, limit)
          : await listDistinctValues(await this.reads.forEverything(), actor.principal, list, after, limit);
      return values.map((value) => ({ key: value, item: value }));
    });
    return new EpcisReply(collection(reply.body), reply.headers);
  }

  /**
   * `GET /epcis/{resource}/{value}`: its sub-resources (`events`), when an event the caller may
   * read names the value; else 404, as for a value no event names.
   */
  async subResources(actor: Actor, resource: EventResource, value: string): Promise<EpcisCollection> {
    const page = { orderBy: 'recordTime', direction: 'ASC', after: null, limit: 1 } as const;
    const [named] = await findEventPage(await this.reads.forEverything(), actor.principal, {}, scopeOf(resource, value), page);
    if (!named) throw new DomainError('NOT_FOUND');
    return collection(['events']);
  }

  /**
   * The places of a list, each once whatever form named it (an SGLN URN and its Digital Link are
   * one place): GS1 keys in their canonical Digital Link form, as `/epcis/epcs` lists EPCs. The
   * forms are only known once read, so every distinct place is read and the page cut here.
   */
  private async places(actor: Actor, list: 'readPoints' | 'bizLocations', after: string | null, limit: number): Promise<string[]> {
    const written = await listPlacesAsWritten(await this.reads.forEverything(), actor.principal, list);
    const canonical = [...new Set(written.map((place) => canonicalGs1Identifier(place) ?? place))].sort();
    return canonical.filter((place) => after === null || place > after).slice(0, limit);
  }

  /** Where a subscription's window may end now (see `findRecordingHorizon`): ask first in a transaction. */
  recordingHorizon(db: EntityManager): Promise<RecordingHorizon> {
    return findRecordingHorizon(db);
  }

  /**
   * The events a subscription has not sent yet: those the query matches and the principal may read,
   * recorded after `after` and below `horizon` (see `findRecordingHorizon`), at or after
   * `recordedFrom`, at most `limit`, in the order recorded; with the position of the last.
   */
  async eventsInWindow(
    db: EntityManager,
    principal: Principal,
    query: EventConditions,
    window: { after: RecordingPosition; horizon: string; recordedFrom: Date; limit: number },
    format: EpcFormat,
  ): Promise<{ events: EpcisEvent[]; last: RecordingPosition | null }> {
    const rows = await findEventsInWindow(db, principal, query, window);
    const last = rows[rows.length - 1];
    return { events: await this.format(rows, format, db), last: last ? { txid: last.txid, eventId: last.id } : null };
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
    const records = await this.reads.forEverything();
    const rows = await loadBatchEvents(records, batchId);
    return new EpcisReply(epcisDocument(await this.format(rows, format, records)), { [EPC_FORMAT_HEADER]: format });
  }

  /**
   * The events as they leave the portal: as captured, with their record time, EPCs in the asked
   * format. For EPC URNs, one query finds the company prefixes of the GTINs named.
   */
  private async format(rows: EpcisEventRow[], format: EpcFormat, db: EntityManager): Promise<EpcisEvent[]> {
    const events = rows.map((row) =>
      withRecordTime(typeof row.document === 'string' ? JSON.parse(row.document) : row.document, new Date(row.record_time)),
    );
    if (format !== 'Always_EPC_URN') return events.map((event) => formatEpcs(event, format, () => undefined));
    const gtins = [...new Set(events.flatMap(digitalLinkGtins))];
    const prefixes = new Map<string, string>();
    if (gtins.length) {
      const found = await findGtinPrefixes(db, gtins);
      for (const { gtin, prefix } of found) prefixes.set(gtin.trim(), prefix);
    }
    return events.map((event) => formatEpcs(event, format, (gtin) => prefixes.get(gtin)));
  }

  private url(path: string, query: Record<string, string>): string {
    return `${this.config.publicBaseUrl}${path}?${new URLSearchParams(query).toString()}`;
  }
}

/** Where a query's events are read: a value's events (`/epcis/bizSteps/x/events`) or a named query's. */
export type EventsWithin = { resource: EventResource; value: string } | { namedQuery: string };

function eventsPath(within: EventsWithin | undefined): string {
  if (!within) return '/epcis/events';
  if ('namedQuery' in within) return `/epcis/queries/${encodeURIComponent(within.namedQuery)}/events`;
  return `/epcis/${within.resource}/${encodeURIComponent(within.value)}/events`;
}

/** Query parameters as the `Link` repeats them: lists joined with the binding's `|`. */
function listsAsText(filters: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, Array.isArray(value) ? value.join('|') : String(value)]));
}
