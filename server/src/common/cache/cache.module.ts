import { Global, Module } from '@nestjs/common';
import { BatchChanges } from './batch-changes.js';

@Global()
@Module({ providers: [BatchChanges], exports: [BatchChanges] })
export class CacheModule {}
