import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { ConsumerReportsController } from './consumer-reports.controller.js';
import { ConsumerReportsService } from './consumer-reports.service.js';

@Module({ imports: [AttachmentsModule], controllers: [ConsumerReportsController], providers: [ConsumerReportsService] })
export class ReportsModule {}
