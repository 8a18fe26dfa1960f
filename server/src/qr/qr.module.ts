import { Module } from '@nestjs/common';
import { BatchLinksModule } from '../batch-store/batch-links.module.js';
import { BatchesModule } from '../batches/batches.module.js';
import { QrController } from './qr.controller.js';
import { QrService } from './qr.service.js';

@Module({ imports: [BatchesModule, BatchLinksModule], controllers: [QrController], providers: [QrService] })
export class QrModule {}
