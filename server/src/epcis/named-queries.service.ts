import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor, Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { CreateNamedQueryDto } from './dto/create-named-query.dto.js';
import type { QueryPageDto } from './dto/query-page.dto.js';
import { PageTokens } from './epcis-query.page-token.js';
import { EpcisQueryService } from './epcis-query.service.js';
import {
  countNamedQueries,
  deleteNamedQuery,
  findExistingQueries,
  findNamedQuery,
  insertNamedQuery,
  listNamedQueries,
  type QueryOwner,
} from './named-queries.queries.js';
import type { EpcisReply, EpcisQueryDocument } from './query-document.js';
import { parseStoredQuery, type StoredQuery } from './stored-query.js';

/** Queries one owner may keep: each stream subscription to them is run after every recording. */
const MAX_QUERIES = 200;

/** GS1's QueryDefinition: a query's name and its parameters, as its owner gave them. */
export interface QueryDefinition {
  name: string;
  query: Record<string, unknown>;
}

/** A named query ready to run: its id, name and checked definition. */
export interface NamedQuery {
  id: string;
  name: string;
  query: StoredQuery;
}

/**
 * A principal's queries: an API key's are its business's (every key of it sees them); a person's
 * are their own, and read what they may read.
 */
export function queryOwnerOf(principal: Principal): QueryOwner {
  return principal.kind === 'api_key' ? { column: 'business_id', id: principal.businessId } : { column: 'user_id', id: principal.id };
}

/**
 * EPCIS named queries (`/epcis/queries`): a query stored under a name, whose events are read like
 * `GET /epcis/events`, with the rights of whoever reads them, and which subscriptions follow.
 */
@Injectable()
export class NamedQueriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: PageTokens,
    private readonly epcis: EpcisQueryService,
    private readonly audit: AuditTrail,
  ) {}

  /** Stores the query once its definition passes the checks its events' reading would make. */
  async create(actor: Actor, dto: CreateNamedQueryDto): Promise<QueryDefinition> {
    parseStoredQuery(dto.query);
    return this.db.transaction(async (tx) => {
      const owner = queryOwnerOf(actor.principal);
      if ((await countNamedQueries(tx, owner)) >= MAX_QUERIES) throw new DomainError('QUERY_LIMIT_REACHED');
      const row = await insertNamedQuery(tx, owner, dto.name, dto.query);
      if (!row) throw new DomainError('QUERY_NAME_TAKEN');
      await this.audit.record(tx, actor, {
        action: 'epcis_query.create',
        targetType: 'named_query',
        targetId: row.id,
        details: { name: dto.name },
      });
      return { name: row.name, query: row.query };
    });
  }

  /** `GET /epcis/queries`: the caller's queries by name, paged. */
  list(actor: Actor, page: QueryPageDto): Promise<EpcisReply<QueryDefinition[]>> {
    return this.tokens.listPage('/epcis/queries', page, async (after, limit) => {
      const rows = await listNamedQueries(this.db.manager, queryOwnerOf(actor.principal), after, limit);
      return rows.map((row) => ({ key: row.name, item: { name: row.name, query: row.query } }));
    });
  }

  async get(actor: Actor, name: string): Promise<QueryDefinition> {
    const row = await findNamedQuery(this.db.manager, queryOwnerOf(actor.principal), name);
    if (!row) throw new DomainError('QUERY_NOT_FOUND');
    return { name: row.name, query: row.query };
  }

  /** The query, ready to run, for whoever may read it; 404 when the principal has none of that name. */
  async find(principal: Principal, name: string): Promise<NamedQuery> {
    const row = await findNamedQuery(this.db.manager, queryOwnerOf(principal), name);
    if (!row) throw new DomainError('QUERY_NOT_FOUND');
    return { id: row.id, name: row.name, query: parseStoredQuery(row.query) };
  }

  /** Which of these queries (by id) still exist. */
  existing(ids: string[]): Promise<string[]> {
    return findExistingQueries(this.db.manager, ids);
  }

  /** Deletes the query, its subscriptions (webhooks and, on every instance, sockets) and what they had yet to send. */
  async remove(actor: Actor, name: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const id = await deleteNamedQuery(tx, queryOwnerOf(actor.principal), name);
      if (!id) throw new DomainError('QUERY_NOT_FOUND');
      await this.audit.record(tx, actor, { action: 'epcis_query.delete', targetType: 'named_query', targetId: id, details: { name } });
    });
  }

  /** `GET /epcis/queries/{name}/events`: the query's events as `GET /epcis/events` gives them, paged. */
  async events(actor: Actor, name: string, page: QueryPageDto, epcFormat: string | undefined): Promise<EpcisReply<EpcisQueryDocument>> {
    const named = await this.find(actor.principal, name);
    return this.epcis.queryEvents(actor, { ...named.query, ...page }, epcFormat, { namedQuery: named.name });
  }
}
