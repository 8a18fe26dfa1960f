import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { QueryPageDto } from '../epcis/dto/query-page.dto.js';
import { EPC_FORMAT_HEADER, EPC_FORMATS } from '../epcis/epc-format.js';
import { EpcisHeaders } from '../epcis/epcis-headers.interceptor.js';
import { EpcisReply } from '../epcis/query-document.js';
import { CreateSubscriptionDto } from './dto/create-subscription.dto.js';
import { QuerySubscriptionsService, type SubscriptionView } from './query-subscriptions.service.js';

/** Webhook subscriptions to a named query, made and read by whoever owns the query (read scope). */
@ApiTags('epcis')
@ApiBearerAuth()
@UseInterceptors(EpcisHeaders)
@Controller('epcis/queries/:queryName/subscriptions')
export class QuerySubscriptionsController {
  constructor(private readonly subscriptions: QuerySubscriptionsService) {}

  @Post()
  @Access({ scope: 'read' })
  @ApiOperation({
    summary:
      'Subscribes a webhook (dest) to the query: each new matching event as recorded (stream: true) or on a schedule; 201 with Location',
  })
  @ApiHeader({ name: EPC_FORMAT_HEADER, required: false, enum: [...EPC_FORMATS], description: 'The EPC format of the documents sent' })
  async create(
    @CurrentActor() actor: Actor,
    @Param('queryName') queryName: string,
    @Body() dto: CreateSubscriptionDto,
    @Headers(EPC_FORMAT_HEADER) format?: string,
  ): Promise<EpcisReply<SubscriptionView>> {
    const created = await this.subscriptions.create(actor, queryName, dto, format);
    return new EpcisReply(created, {
      Location: `/epcis/queries/${encodeURIComponent(created.queryName)}/subscriptions/${created.subscriptionID}`,
    });
  }

  @Get()
  @Access({ scope: 'read' })
  list(
    @CurrentActor() actor: Actor,
    @Param('queryName') queryName: string,
    @Query() page: QueryPageDto,
  ): Promise<EpcisReply<SubscriptionView[]>> {
    return this.subscriptions.list(actor, queryName, page);
  }

  @Get(':subscriptionID')
  @Access({ scope: 'read' })
  get(
    @CurrentActor() actor: Actor,
    @Param('queryName') queryName: string,
    @Param('subscriptionID', UuidParam) id: string,
  ): Promise<SubscriptionView> {
    return this.subscriptions.get(actor, queryName, id);
  }

  @Delete(':subscriptionID')
  @Access({ scope: 'read' })
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribes: nothing more is sent, including documents not yet delivered' })
  remove(
    @CurrentActor() actor: Actor,
    @Param('queryName') queryName: string,
    @Param('subscriptionID', UuidParam) id: string,
  ): Promise<void> {
    return this.subscriptions.remove(actor, queryName, id);
  }
}
