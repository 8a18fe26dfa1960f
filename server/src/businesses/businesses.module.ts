import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { TransparencyModule } from '../transparency/transparency.module.js';
import { BusinessLogService } from './business-log.service.js';
import { BusinessEntity } from './business.entity.js';
import { BusinessesController } from './businesses.controller.js';
import { BusinessesService } from './businesses.service.js';
import { CertificatesController } from './certificates.controller.js';
import { CertificatesService } from './certificates.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([BusinessEntity]), AttachmentsModule, TransparencyModule],
  controllers: [BusinessesController, CertificatesController],
  providers: [BusinessesService, CertificatesService, BusinessLogService],
  exports: [BusinessesService, CertificatesService],
})
export class BusinessesModule {}
