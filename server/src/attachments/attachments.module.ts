import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { registerAttachmentParsers } from './attachment-body.parser.js';
import { AttachmentFilesService } from './attachment-files.service.js';
import { ATTACHMENT_STORAGE } from './attachment-storage.js';
import { AttachmentEntity } from './attachment.entity.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';
import { DiskAttachmentStorage } from './disk-attachment-storage.js';

@Module({
  imports: [TypeOrmModule.forFeature([AttachmentEntity])],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsService,
    AttachmentFilesService,
    {
      provide: ATTACHMENT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new DiskAttachmentStorage(config.attachmentsDir),
    },
  ],
  exports: [AttachmentsService, AttachmentFilesService],
})
export class AttachmentsModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    registerAttachmentParsers(this.adapterHost.httpAdapter.getInstance<FastifyInstance>(), this.config.attachmentMaxBytes);
  }
}
