import { Global, Module } from '@nestjs/common';
import { BatchChanges } from './batch-changes.js';
import { ReplicaReads } from './replica-reads.js';

@Global()
@Module({ providers: [BatchChanges, ReplicaReads], exports: [BatchChanges, ReplicaReads] })
export class CacheModule {}
