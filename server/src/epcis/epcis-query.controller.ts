import { Controller, Get, Header, Headers, HttpCode, Options, Param, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, owned, READS_EVERYTHING } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { QueryEventsDto } from './dto/query-events.dto.js';
import { QueryPageDto } from './dto/query-page.dto.js';
import { EPC_FORMAT_HEADER, EPC_FORMATS } from './epc-format.js';
import { AnswersInXml, EpcisHeaders } from './epcis-headers.interceptor.js';
import { EpcisQueryService } from './epcis-query.service.js';
import type { EpcisCollection, EpcisDocument, EpcisQueryDocument, EpcisReply } from './query-document.js';

const EpcFormatHeader = () =>
  ApiHeader({ name: EPC_FORMAT_HEADER, required: false, enum: [...EPC_FORMATS], description: 'Default Always_GS1_Digital_Link' });

/** The read side of the EPCIS 2.0 REST binding, and a batch's history as an EPCIS document. */
@ApiTags('epcis')
@ApiBearerAuth()
@UseInterceptors(EpcisHeaders)
@Controller()
export class EpcisQueryController {
  constructor(private readonly epcis: EpcisQueryService) {}

  @Get('epcis')
  @ApiOperation({ summary: 'The top-level resources of this EPCIS repository' })
  topLevel(): EpcisCollection {
    return this.epcis.topLevel();
  }

  @Options('epcis')
  @HttpCode(204)
  @Header('Allow', 'OPTIONS, GET')
  @Header(EPC_FORMAT_HEADER, EPC_FORMATS.join(', '))
  options(): void {}

  @Get('epcis/events')
  @Access({ scope: 'read' })
  @EpcFormatHeader()
  @ApiOperation({ summary: 'Events matching the standard query parameters, as an EPCISQueryDocument' })
  @AnswersInXml()
  @ApiProduces('application/json', 'application/ld+json', 'application/xml')
  queryEvents(
    @CurrentActor() actor: Actor,
    @Query() query: QueryEventsDto,
    @Headers(EPC_FORMAT_HEADER) format?: string,
  ): Promise<EpcisReply<EpcisQueryDocument>> {
    return this.epcis.queryEvents(actor, query, format);
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
