import { Module } from '@nestjs/common';
import { BatchesController } from './batches.controller.js';
import { ScansModule } from '../scans/scans.module.js';
import { BatchesService } from './batches.service.js';

@Module({ imports: [ScansModule], controllers: [BatchesController], providers: [BatchesService], exports: [BatchesService] })
export class BatchesModule {}
