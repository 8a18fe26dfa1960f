import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { PageTokens } from './epcis-query.page-token.js';
import { EpcisQueryController } from './epcis-query.controller.js';
import { EpcisQueryService } from './epcis-query.service.js';
import { NamedQueriesController } from './named-queries.controller.js';
import { NamedQueriesService } from './named-queries.service.js';

/** The read side of the EPCIS 2.0 interface, and the named queries that subscriptions follow. */
@Module({
  imports: [EventsModule],
  controllers: [EpcisQueryController, NamedQueriesController],
  providers: [EpcisQueryService, NamedQueriesService, PageTokens],
  exports: [EpcisQueryService, NamedQueriesService, PageTokens],
})
export class EpcisQueryModule {}
