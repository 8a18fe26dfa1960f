import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BatchLinksModule } from '../batch-store/batch-links.module.js';
import { EventsModule } from '../events/events.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RecordsModule } from '../records/records.module.js';
import { TransparencyModule } from '../transparency/transparency.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { RecallEntity } from './recall.entity.js';
import { RecallsController } from './recalls.controller.js';
import { RecallsService } from './recalls.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([RecallEntity]),
    BatchLinksModule,
    EventsModule,
    NotificationsModule,
    RecordsModule,
    TransparencyModule,
    WebhooksModule,
  ],
  controllers: [RecallsController],
  providers: [RecallsService],
})
export class RecallsModule {}
