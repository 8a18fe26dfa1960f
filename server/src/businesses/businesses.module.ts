import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { BusinessesController } from './businesses.controller.js';
import { BusinessesService } from './businesses.service.js';
import { CertificatesController } from './certificates.controller.js';
import { CertificatesService } from './certificates.service.js';

@Module({
  imports: [AttachmentsModule],
  controllers: [BusinessesController, CertificatesController],
  providers: [BusinessesService, CertificatesService],
  exports: [BusinessesService, CertificatesService],
})
export class BusinessesModule {}
