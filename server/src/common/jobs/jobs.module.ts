import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.js';
import { JobRunnerContext } from './queued-job-runner.js';

@Global()
@Module({ providers: [JobQueue, JobRunnerContext], exports: [JobQueue, JobRunnerContext] })
export class JobsModule {}
