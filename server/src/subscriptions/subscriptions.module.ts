import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { OutboundModule } from '../common/outbound/outbound.module.js';
import { EpcisQueryModule } from '../epcis/epcis-query.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { QuerySubscriptionsController } from './query-subscriptions.controller.js';
import { QuerySubscriptionsService } from './query-subscriptions.service.js';
import { SubscriptionRunner } from './subscription-runner.js';
import { SubscriptionSockets } from './subscription-sockets.js';

/** Standing EPCIS queries: webhook subscriptions, run on any instance, and WebSocket ones, held by one. */
@Module({
  imports: [AuthModule, OutboundModule, EpcisQueryModule, WebhooksModule],
  controllers: [QuerySubscriptionsController],
  providers: [QuerySubscriptionsService, SubscriptionRunner, SubscriptionSockets],
})
export class SubscriptionsModule {}
