import { Module } from '@nestjs/common';
import { PublicBatchService } from './public-batch.service.js';
import { PublicProductService } from './public-product.service.js';
import { PublicViewController } from './public-view.controller.js';

@Module({ controllers: [PublicViewController], providers: [PublicBatchService, PublicProductService], exports: [PublicBatchService, PublicProductService] })
export class PublicViewModule {}
