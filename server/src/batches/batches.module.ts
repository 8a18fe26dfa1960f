import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BatchLinksModule } from '../batch-store/batch-links.module.js';
import { BatchEntity } from '../batch-store/batch.entity.js';
import { EventsModule } from '../events/events.module.js';
import { ScansModule } from '../scans/scans.module.js';
import { BatchRegistration } from './batch-registration.service.js';
import { BatchesController } from './batches.controller.js';
import { BatchesService } from './batches.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([BatchEntity]), ScansModule, EventsModule, BatchLinksModule],
  controllers: [BatchesController],
  providers: [BatchesService, BatchRegistration],
  exports: [BatchesService, BatchRegistration],
})
export class BatchesModule {}
