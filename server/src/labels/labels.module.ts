import { Module } from '@nestjs/common';
import { BatchLinksModule } from '../batch-store/batch-links.module.js';
import { BatchesModule } from '../batches/batches.module.js';
import { LabelsController } from './labels.controller.js';
import { LabelsService } from './labels.service.js';

@Module({ imports: [BatchesModule, BatchLinksModule], controllers: [LabelsController], providers: [LabelsService] })
export class LabelsModule {}
