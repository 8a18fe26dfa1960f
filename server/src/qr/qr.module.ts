import { Module } from '@nestjs/common';
import { BatchesModule } from '../batches/batches.module.js';
import { QrController } from './qr.controller.js';
import { QrService } from './qr.service.js';

@Module({ imports: [BatchesModule], controllers: [QrController], providers: [QrService] })
export class QrModule {}
