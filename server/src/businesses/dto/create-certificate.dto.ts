import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { CERTIFICATE_KINDS, type CertificateKind, type CreateCertificateRequest, type UpdateCertificateRequest } from '@nguon/shared';
import { IsIsoDate, IsOptionalNotNull, IsText } from '../../common/validation/decorators.js';

export class CreateCertificateDto implements CreateCertificateRequest {
  @ApiProperty({ enum: CERTIFICATE_KINDS }) @IsIn(CERTIFICATE_KINDS) kind: CertificateKind;
  @IsText(200) name: string;
  @IsOptional() @IsText(100) number?: string;
  @IsText(200) issuer: string;
  @IsOptional() @IsIsoDate() validFrom?: string;
  @IsOptional() @IsIsoDate() validTo?: string;
  @IsOptional() @IsInt() @Min(1) @Max(5) stars?: number;
  @IsOptional() @IsUUID() documentAttachmentId?: string;
}

/** Only what is sent changes; kind, name and issuer cannot be cleared, the rest can (null). */
export class UpdateCertificateDto implements UpdateCertificateRequest {
  @IsOptionalNotNull() @IsIn(CERTIFICATE_KINDS) kind?: CertificateKind;
  @IsOptionalNotNull() @IsText(200) name?: string;
  @IsOptional() @IsText(100) number?: string | null;
  @IsOptionalNotNull() @IsText(200) issuer?: string;
  @IsOptional() @IsIsoDate() validFrom?: string | null;
  @IsOptional() @IsIsoDate() validTo?: string | null;
  @IsOptional() @IsInt() @Min(1) @Max(5) stars?: number | null;
  @IsOptional() @IsUUID() documentAttachmentId?: string | null;
}
