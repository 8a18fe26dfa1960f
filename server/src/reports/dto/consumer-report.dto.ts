import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import {
  REPORT_CATEGORY_NAMES,
  REPORT_PHOTO_MAX_BYTES,
  REPORT_PHOTO_TYPES,
  type ConsumerReportRequest,
  type ReportCategory,
} from '@nguon/shared';
import { IsBase64Of, IsText } from '../../common/validation/decorators.js';

export class ReportPhotoDto {
  @ApiProperty({ enum: REPORT_PHOTO_TYPES }) @IsIn(REPORT_PHOTO_TYPES) contentType: (typeof REPORT_PHOTO_TYPES)[number];
  @IsBase64Of(REPORT_PHOTO_MAX_BYTES) base64: string;
}

export class ConsumerReportDto implements ConsumerReportRequest {
  @ApiProperty({ enum: REPORT_CATEGORY_NAMES }) @IsIn(REPORT_CATEGORY_NAMES) category: ReportCategory;
  @IsText(2000, "What is wrong, in the consumer's words") message: string;
  @IsOptional() @IsText(200, 'A phone number or email, if the consumer wants an answer') contact?: string;
  @IsOptional() @ValidateNested() @Type(() => ReportPhotoDto) photo?: ReportPhotoDto;
}
