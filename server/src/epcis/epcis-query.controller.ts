import { applyDecorators, Controller, Delete, Get, Headers, HttpCode, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access, owned, READS_EVERYTHING } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { QueryEventsDto } from './dto/query-events.dto.js';
import { QueryPageDto } from './dto/query-page.dto.js';
import { EPC_FORMAT_HEADER, EPC_FORMATS } from './epc-format.js';
import { AnswersInXml, EpcisHeaders } from './epcis-headers.interceptor.js';
import { PageTokens } from './epcis-query.page-token.js';
import { EpcisQueryService } from './epcis-query.service.js';
import { resourcePaths, ResourceOfPath, type EventResource } from './epcis-resources.js';
import { namespacesOfHeader, OpenNames, TakeOpenNameParameters, type OpenNameParameters } from './open-name-parameters.js';

/** Declares the prefixes of extension field parameters (`ext1=https://example.com/ext1/`). */
const EXTENSIONS_HEADER = 'GS1-Extensions';
import type { EpcisCollection, EpcisDocument, EpcisQueryDocument, EpcisReply } from './query-document.js';

/**
 * A route answering a query with a document of events: read scope, the EPC format and XML
 * negotiated, the typed parameters taken out of the query, and those documented (their names are
 * open, so they are described, not listed).
 */
const EventQueryRoute = (summary: string) =>
  applyDecorators(
    Access({ scope: 'read' }),
    EpcFormatHeader(),
    ApiOperation({ summary }),
    AnswersInXml(),
    ApiProduces('application/json', 'application/ld+json', 'application/xml'),
    UseInterceptors(TakeOpenNameParameters),
    NamedTypeQueryDocs(),
  );

const NamedTypeQueryDocs = () =>
  ApiQuery({
    name: 'EQ_bizTransaction_{type}, EQ_source_{type}, EQ_destination_{type}',
    required: false,
    description:
      'Events with a business transaction, source or destination of that type (a CBV word such as po or owning_party, its URN or Web URI) naming one of the values (separated by | or ,).',
    schema: { type: 'string' },
  });

const EpcFormatHeader = () =>
  ApiHeader({ name: EPC_FORMAT_HEADER, required: false, enum: [...EPC_FORMATS], description: 'Default Always_GS1_Digital_Link' });

/** The read side of the EPCIS 2.0 REST binding, and a batch's history as an EPCIS document. */
@ApiTags('epcis')
@ApiBearerAuth()
@UseInterceptors(EpcisHeaders)
@Controller()
export class EpcisQueryController {
  constructor(
    private readonly epcis: EpcisQueryService,
    private readonly tokens: PageTokens,
  ) {}

  @Get('epcis')
  @ApiOperation({ summary: 'The top-level resources of this EPCIS repository' })
  topLevel(): EpcisCollection {
    return this.epcis.topLevel();
  }

  @Get('epcis/events')
  @EventQueryRoute('Events matching the standard query parameters, as an EPCISQueryDocument')
  queryEvents(
    @CurrentActor() actor: Actor,
    @Query() query: QueryEventsDto,
    @OpenNames() openNames: OpenNameParameters,
    @Headers(EPC_FORMAT_HEADER) format?: string,
    @Headers(EXTENSIONS_HEADER) extensions?: string,
  ): Promise<EpcisReply<EpcisQueryDocument>> {
    return this.epcis.queryEvents(actor, { ...query, openNames, namespaces: namespacesOfHeader(extensions) }, format);
  }

  @Get('epcis/events/:eventID')
  @Access({ scope: 'read' })
  @EpcFormatHeader()
  @ApiOperation({ summary: 'One event by its URL-encoded eventID, with its error declaration if any' })
  @AnswersInXml()
  @ApiProduces('application/json', 'application/ld+json', 'application/xml')
  getEvent(
    @CurrentActor() actor: Actor,
    @Param('eventID') eventId: string,
    @Headers(EPC_FORMAT_HEADER) format?: string,
  ): Promise<EpcisReply<EpcisQueryDocument>> {
    return this.epcis.getEvent(actor, eventId, format);
  }

  @Get('epcis/eventTypes')
  @Access({ scope: 'read' })
  eventTypes(@CurrentActor() actor: Actor, @Query() query: QueryPageDto): Promise<EpcisReply<EpcisCollection>> {
    return this.epcis.listValues(actor, 'eventTypes', query);
  }

  @Get('epcis/bizSteps')
  @Access({ scope: 'read' })
  bizSteps(@CurrentActor() actor: Actor, @Query() query: QueryPageDto): Promise<EpcisReply<EpcisCollection>> {
    return this.epcis.listValues(actor, 'bizSteps', query);
  }

  @Get('epcis/dispositions')
  @Access({ scope: 'read' })
  dispositions(@CurrentActor() actor: Actor, @Query() query: QueryPageDto): Promise<EpcisReply<EpcisCollection>> {
    return this.epcis.listValues(actor, 'dispositions', query);
  }

  @Get('epcis/readPoints')
  @Access({ scope: 'read' })
  readPoints(@CurrentActor() actor: Actor, @Query() query: QueryPageDto): Promise<EpcisReply<EpcisCollection>> {
    return this.epcis.listValues(actor, 'readPoints', query);
  }

  @Get('epcis/bizLocations')
  @Access({ scope: 'read' })
  bizLocations(@CurrentActor() actor: Actor, @Query() query: QueryPageDto): Promise<EpcisReply<EpcisCollection>> {
    return this.epcis.listValues(actor, 'bizLocations', query);
  }

  /** Deletes a page token: the rest of its result cannot be read with it any more (GS1-Next-Page-Token-Expires says when it would have stopped). */
  @Delete('epcis/nextPageToken/:token')
  @Access({ scope: 'read' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Makes a nextPageToken unusable from now on, on every instance' })
  async deletePageToken(@Param('token') token: string): Promise<void> {
    await this.tokens.revoke(token);
  }

  @Get('epcis/epcs')
  @Access({ scope: 'read' })
  epcs(@CurrentActor() actor: Actor, @Query() query: QueryPageDto): Promise<EpcisReply<EpcisCollection>> {
    return this.epcis.listValues(actor, 'epcs', query);
  }

  @Get(resourcePaths(''))
  @Access({ scope: 'read' })
  @ApiOperation({ summary: "A value's sub-resources (events), when an event the caller may read names it" })
  subResources(
    @CurrentActor() actor: Actor,
    @ResourceOfPath() resource: EventResource,
    @Param('value') value: string,
  ): Promise<EpcisCollection> {
    return this.epcis.subResources(actor, resource, value);
  }

  @Get(resourcePaths('/events'))
  @EventQueryRoute('The events a value names (an event type, EPC, bizStep, place or disposition), with any query parameter too')
  resourceEvents(
    @CurrentActor() actor: Actor,
    @ResourceOfPath() resource: EventResource,
    @Param('value') value: string,
    @Query() query: QueryEventsDto,
    @OpenNames() openNames: OpenNameParameters,
    @Headers(EPC_FORMAT_HEADER) format?: string,
    @Headers(EXTENSIONS_HEADER) extensions?: string,
  ): Promise<EpcisReply<EpcisQueryDocument>> {
    return this.epcis.queryEvents(actor, { ...query, openNames, namespaces: namespacesOfHeader(extensions) }, format, { resource, value });
  }

  @Get('api/batches/:id/epcis')
  @Access({ scope: 'read', actsFor: owned.batchRecordsInPath(), authorities: READS_EVERYTHING })
  @EpcFormatHeader()
  @ApiOperation({ summary: "The batch's events as an EPCISDocument" })
  @AnswersInXml()
  @ApiProduces('application/json', 'application/ld+json', 'application/xml')
  exportBatch(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Headers(EPC_FORMAT_HEADER) format?: string,
  ): Promise<EpcisReply<EpcisDocument>> {
    return this.epcis.exportBatch(actor, id, format);
  }
}
