import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { BatchesModule } from '../batches/batches.module.js';
import { EventsModule } from '../events/events.module.js';
import { registerImportParsers } from './import-body.parser.js';
import { ImportsController } from './imports.controller.js';
import { ImportJobRunner } from './import-job-runner.js';
import { ImportsService } from './imports.service.js';
import { ImportWorkers } from './import-workers.js';

@Module({
  imports: [BatchesModule, EventsModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportWorkers, ImportJobRunner],
})
export class ImportsModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    registerImportParsers(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }
}
