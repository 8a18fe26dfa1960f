import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { EventsModule } from '../events/events.module.js';
import { PageTokens } from './epcis-query.page-token.js';
import { CaptureJobEntity } from './capture-job.entity.js';
import { EpcisCaptureController } from './epcis-capture.controller.js';
import { CaptureJobRunner } from './capture-job-runner.js';
import { EpcisCaptureService } from './epcis-capture.service.js';
import { registerEpcisXmlParser } from './xml/epcis-xml-body.parser.js';

@Module({
  imports: [EventsModule, TypeOrmModule.forFeature([CaptureJobEntity])],
  controllers: [EpcisCaptureController],
  providers: [EpcisCaptureService, CaptureJobRunner, PageTokens],
})
export class EpcisModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    registerEpcisXmlParser(this.adapterHost.httpAdapter.getInstance<FastifyInstance>());
  }
}
