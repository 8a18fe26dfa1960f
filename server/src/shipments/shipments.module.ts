import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ShipmentsController } from './shipments.controller.js';
import { ShipmentsService } from './shipments.service.js';

@Module({
  imports: [EventsModule, RecordsModule],
  controllers: [ShipmentsController],
  providers: [ShipmentsService],
})
export class ShipmentsModule {}
