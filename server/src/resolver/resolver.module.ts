import { Module } from '@nestjs/common';
import { PublicViewModule } from '../public-view/public-view.module.js';
import { ScansModule } from '../scans/scans.module.js';
import { BatchLookupService } from './batch-lookup.service.js';
import { ResolverController } from './resolver.controller.js';
import { ResolverService } from './resolver.service.js';
import { ScanPlaceController } from './scan-place.controller.js';
import { ScansService } from './scans.service.js';

@Module({
  imports: [PublicViewModule, ScansModule],
  controllers: [ResolverController, ScanPlaceController],
  providers: [ResolverService, BatchLookupService, ScansService],
})
export class ResolverModule {}
