import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { EventView, IncomingShipmentView, Page } from '@nguon/shared';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { IncomingShipmentsQuery } from './dto/incoming-shipments.query.js';
import { ReceiveShipmentDto } from './dto/receive-shipment.dto.js';
import { ShipmentsService } from './shipments.service.js';

@ApiTags('shipments')
@ApiBearerAuth()
@Controller('api')
export class ShipmentsController {
  constructor(private readonly shipments: ShipmentsService) {}

  @Get('businesses/:businessId/incoming-shipments')
  @Access({ scope: 'read', actsFor: owned.businessInPath() })
  incoming(
    @Param('businessId', UuidParam) businessId: string,
    @Query() query: IncomingShipmentsQuery,
  ): Promise<Page<IncomingShipmentView>> {
    return this.shipments.incoming(businessId, query);
  }

  /** The shipment's receiver only (checked by the use case: the shipment names it). */
  @Post('shipments/:eventId/receive')
  @HttpCode(201)
  @Access({ scope: 'capture' })
  receive(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() dto: ReceiveShipmentDto): Promise<EventView> {
    return this.shipments.receive(actor, eventId, dto ?? {});
  }
}
