import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { RecordsModule } from '../records/records.module.js';
import { TraceController } from './trace.controller.js';
import { TraceService } from './trace.service.js';

@Module({ imports: [EventsModule, RecordsModule], controllers: [TraceController], providers: [TraceService] })
export class TraceModule {}
