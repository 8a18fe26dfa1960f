import { Module } from '@nestjs/common';
import { BatchesModule } from '../batches/batches.module.js';
import { BatchEventsService } from './batch-events.service.js';
import { BatchIntegrityService } from './batch-integrity.service.js';
import { EventRecordingService } from './event-recording.service.js';
import { EventCapture } from './event-capture.js';
import { EventStore } from './event-store.js';
import { EventsController } from './events.controller.js';

@Module({
  imports: [BatchesModule],
  controllers: [EventsController],
  providers: [EventRecordingService, BatchEventsService, BatchIntegrityService, EventStore, EventCapture],
  exports: [EventRecordingService, EventCapture, BatchEventsService],
})
export class EventsModule {}
