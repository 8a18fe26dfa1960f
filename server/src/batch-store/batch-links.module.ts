import { Module } from '@nestjs/common';
import { BatchLinks } from './batch-links.service.js';
import { LabelKeysController } from './label-keys.controller.js';

/** The batches' signed identity URLs and the keys that check them. */
@Module({
  controllers: [LabelKeysController],
  providers: [BatchLinks],
  exports: [BatchLinks],
})
export class BatchLinksModule {}
