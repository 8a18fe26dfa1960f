import { Module } from '@nestjs/common';
import { BatchesModule } from '../batches/batches.module.js';
import { LabelsController } from './labels.controller.js';
import { LabelsService } from './labels.service.js';

@Module({ imports: [BatchesModule], controllers: [LabelsController], providers: [LabelsService] })
export class LabelsModule {}
