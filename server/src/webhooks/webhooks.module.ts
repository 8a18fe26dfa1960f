import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboundModule } from '../common/outbound/outbound.module.js';
import { TransparencyModule } from '../transparency/transparency.module.js';
import { CheckpointDeliveries } from './checkpoint-deliveries.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookOutbox } from './webhook-outbox.service.js';
import { WebhookEntity } from './webhook.entity.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([WebhookEntity]), OutboundModule, TransparencyModule],
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookOutbox, WebhookDispatcher, CheckpointDeliveries],
  exports: [WebhookOutbox],
})
export class WebhooksModule {}
