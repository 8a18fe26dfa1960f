import { Module } from '@nestjs/common';
import { BatchLinksModule } from '../batch-store/batch-links.module.js';
import { BusinessesModule } from '../businesses/businesses.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ScansModule } from '../scans/scans.module.js';
import { PublicBatchService } from './public-batch.service.js';
import { PublicLotsService } from './public-lots.service.js';
import { PublicProductService } from './public-product.service.js';
import { PublicViewController } from './public-view.controller.js';

@Module({
  imports: [BatchLinksModule, BusinessesModule, RecordsModule, ScansModule],
  controllers: [PublicViewController],
  providers: [PublicBatchService, PublicProductService, PublicLotsService],
  exports: [PublicBatchService, PublicProductService],
})
export class PublicViewModule {}
