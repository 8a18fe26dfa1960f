import { Module } from '@nestjs/common';
import { RecordsService } from './records.service.js';

/** The event store's read rules, below the access guard and every feature that reads events. */
@Module({ providers: [RecordsService], exports: [RecordsService] })
export class RecordsModule {}
