import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { registerAttachmentParsers } from './attachment-body.parser.js';
import { AttachmentFilesService } from './attachment-files.service.js';
import { ATTACHMENT_STORAGE } from './attachment-storage.js';
import { AttachmentEntity } from './attachment.entity.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';
import { DatabaseAttachmentStorage } from './database-attachment-storage.js';
import { DiskAttachmentStorage } from './disk-attachment-storage.js';

@Module({
  imports: [TypeOrmModule.forFeature([AttachmentEntity])],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsService,
    AttachmentFilesService,
    {
      provide: ATTACHMENT_STORAGE,
      inject: [APP_CONFIG, getDataSourceToken()],
      // On PostgreSQL every instance reaches the files; the embedded database has one instance, and its folder.
      useFactory: (config: AppConfig, db: DataSource) => {
        const disk = new DiskAttachmentStorage(config.attachmentsDir);
        return config.databaseUrl ? new DatabaseAttachmentStorage(db, disk) : disk;
      },
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
