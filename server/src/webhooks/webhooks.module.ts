import { Module } from '@nestjs/common';
import { OutboundModule } from '../common/outbound/outbound.module.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookOutbox } from './webhook-outbox.service.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  imports: [OutboundModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookOutbox, WebhookDispatcher],
  exports: [WebhookOutbox],
})
export class WebhooksModule {}
