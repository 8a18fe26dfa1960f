import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { RecordsModule } from '../records/records.module.js';
import { TransparencyModule } from '../transparency/transparency.module.js';
import { BatchEventsService } from './batch-events.service.js';
import { BatchIntegrityService } from './batch-integrity.service.js';
import { EventCorrectionsService } from './event-corrections.service.js';
import { EventRecordingService } from './event-recording.service.js';
import { PortalCapture } from './portal-capture.js';
import { StageEventPreparer } from './stage-event.preparer.js';
import { EventCapture } from './event-capture.js';
import { EventEntity } from './event.entity.js';
import { EventPartitions } from './event-partitions.js';
import { EventStore } from './event-store.js';
import { EventsController } from './events.controller.js';
import { MassBalance } from './mass-balance.js';

@Module({
  imports: [TypeOrmModule.forFeature([EventEntity]), AttachmentsModule, RecordsModule, TransparencyModule],
  controllers: [EventsController],
  providers: [
    EventRecordingService,
    EventCorrectionsService,
    StageEventPreparer,
    PortalCapture,
    BatchEventsService,
    BatchIntegrityService,
    EventStore,
    EventCapture,
    MassBalance,
    EventPartitions,
  ],
  exports: [EventRecordingService, EventCapture, PortalCapture, BatchEventsService, BatchIntegrityService],
})
export class EventsModule {}
