import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { TraceController } from './trace.controller.js';
import { TraceService } from './trace.service.js';

@Module({ imports: [RecordsModule], controllers: [TraceController], providers: [TraceService] })
export class TraceModule {}
