import { Module } from '@nestjs/common';
import { ScanLog } from './scan-log.service.js';

/** Anonymous scans, written in batches: below the resolver, the public view and the business's scan reports. */
@Module({ providers: [ScanLog], exports: [ScanLog] })
export class ScansModule {}
