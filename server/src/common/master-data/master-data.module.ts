import { Global, Module } from '@nestjs/common';
import { MasterDataArrivals } from './master-data-arrivals.js';

@Global()
@Module({ providers: [MasterDataArrivals], exports: [MasterDataArrivals] })
export class MasterDataModule {}
