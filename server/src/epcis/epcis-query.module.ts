import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { PageTokens } from './epcis-query.page-token.js';
import { EpcisQueryController } from './epcis-query.controller.js';
import { EpcisQueryService } from './epcis-query.service.js';

/** The read side of the EPCIS 2.0 interface: a read-side module, imported by none. */
@Module({
  imports: [EventsModule],
  controllers: [EpcisQueryController],
  providers: [EpcisQueryService, PageTokens],
})
export class EpcisQueryModule {}
