import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CERTIFICATE_KINDS, type CertificateKind, type CreateCertificateRequest } from '@nguon/shared';
import { IsIsoDate, IsText } from '../../common/validation/decorators.js';

export class CreateCertificateDto implements CreateCertificateRequest {
  @ApiProperty({ enum: CERTIFICATE_KINDS }) @IsIn(CERTIFICATE_KINDS) kind: CertificateKind;
  @IsText(200) name: string;
  @IsOptional() @IsText(100) number?: string;
  @IsText(200) issuer: string;
  @IsOptional() @IsIsoDate() validFrom?: string;
  @IsOptional() @IsIsoDate() validTo?: string;
  @IsOptional() @IsInt() @Min(1) @Max(5) stars?: number;
}
