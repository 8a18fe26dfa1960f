import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { CreateNamedQueryDto } from './dto/create-named-query.dto.js';
import { QueryPageDto } from './dto/query-page.dto.js';
import { EPC_FORMAT_HEADER } from './epc-format.js';
import { AnswersInXml, EpcisHeaders } from './epcis-headers.interceptor.js';
import { NamedQueriesService, type QueryDefinition } from './named-queries.service.js';
import { EpcisReply, type EpcisQueryDocument } from './query-document.js';

/**
 * EPCIS named queries (`/epcis/queries`), with the read scope: a business's API keys share its
 * queries; a person's are their own. Subscriptions to them are `/epcis/queries/{name}/subscriptions`.
 */
@ApiTags('epcis')
@ApiBearerAuth()
@UseInterceptors(EpcisHeaders)
@Controller('epcis/queries')
export class NamedQueriesController {
  constructor(private readonly queries: NamedQueriesService) {}

  @Post()
  @Access({ scope: 'read' })
  @ApiOperation({ summary: 'Stores a query under a name (GS1 QueryDefinition): 201 with Location: /epcis/queries/{name}' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateNamedQueryDto): Promise<EpcisReply<QueryDefinition>> {
    const created = await this.queries.create(actor, dto);
    return new EpcisReply(created, { Location: `/epcis/queries/${encodeURIComponent(created.name)}` });
  }

  @Get()
  @Access({ scope: 'read' })
  @ApiOperation({ summary: "The caller's named queries, by name, paged" })
  list(@CurrentActor() actor: Actor, @Query() page: QueryPageDto): Promise<EpcisReply<QueryDefinition[]>> {
    return this.queries.list(actor, page);
  }

  @Get(':queryName')
  @Access({ scope: 'read' })
  get(@CurrentActor() actor: Actor, @Param('queryName') name: string): Promise<QueryDefinition> {
    return this.queries.get(actor, name);
  }

  @Delete(':queryName')
  @Access({ scope: 'read' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes the query and ends its subscriptions, webhooks and WebSockets alike' })
  remove(@CurrentActor() actor: Actor, @Param('queryName') name: string): Promise<void> {
    return this.queries.remove(actor, name);
  }

  @Get(':queryName/events')
  @Access({ scope: 'read' })
  @ApiOperation({
    summary:
      "The query's events, paged as GET /epcis/events. With Upgrade: websocket and stream=true (or a schedule), a WebSocket that receives new matching events",
  })
  @AnswersInXml()
  @ApiProduces('application/json', 'application/ld+json', 'application/xml')
  events(
    @CurrentActor() actor: Actor,
    @Param('queryName') name: string,
    @Query() page: QueryPageDto,
    @Headers(EPC_FORMAT_HEADER) format?: string,
  ): Promise<EpcisReply<EpcisQueryDocument>> {
    return this.queries.events(actor, name, page, format);
  }
}
