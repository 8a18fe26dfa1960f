import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BusinessView } from '@nguon/shared';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { CertificatesService } from './certificates.service.js';
import { CreateCertificateDto, UpdateCertificateDto } from './dto/create-certificate.dto.js';

/** The business's own certificates; each write answers with the business as it now reads. */
@ApiTags('businesses')
@ApiBearerAuth()
@Controller('api/businesses/:id/certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Post()
  @Access({ actsFor: owned.businessInPath('id'), memberRole: 'owner', publishes: true })
  add(@CurrentActor() actor: Actor, @Body() dto: CreateCertificateDto): Promise<BusinessView> {
    return this.certificates.addBusinessCertificate(actor, dto);
  }

  @Patch(':certificateId')
  @Access({ actsFor: owned.businessInPath('id'), memberRole: 'owner', publishes: true })
  update(
    @CurrentActor() actor: Actor,
    @Param('certificateId', UuidParam) certificateId: string,
    @Body() dto: UpdateCertificateDto,
  ): Promise<BusinessView> {
    return this.certificates.updateBusinessCertificate(actor, certificateId, dto);
  }

  @Delete(':certificateId')
  @HttpCode(204)
  @Access({ actsFor: owned.businessInPath('id'), memberRole: 'owner', publishes: true })
  remove(@CurrentActor() actor: Actor, @Param('certificateId', UuidParam) certificateId: string): Promise<void> {
    return this.certificates.removeBusinessCertificate(actor, certificateId);
  }
}
