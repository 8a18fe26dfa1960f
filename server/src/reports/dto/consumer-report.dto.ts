import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBase64, IsIn, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import {
  REPORT_CATEGORY_NAMES, REPORT_PHOTO_MAX_BYTES, REPORT_PHOTO_TYPES, type ConsumerReportRequest, type ReportCategory,
} from '@nguon/shared';
import { IsText } from '../../common/validation/decorators.js';

export class ReportPhotoDto {
  @ApiProperty({ enum: REPORT_PHOTO_TYPES }) @IsIn(REPORT_PHOTO_TYPES) contentType: (typeof REPORT_PHOTO_TYPES)[number];
  // Base64 is a third longer than the bytes it carries.
  @IsBase64() @MaxLength(Math.ceil(REPORT_PHOTO_MAX_BYTES / 3) * 4) base64: string;
}

export class ConsumerReportDto implements ConsumerReportRequest {
  @ApiProperty({ enum: REPORT_CATEGORY_NAMES }) @IsIn(REPORT_CATEGORY_NAMES) category: ReportCategory;
  @IsText(2000, 'What is wrong, in the consumer\'s words') message: string;
  @IsOptional() @IsText(200, 'A phone number or email, if the consumer wants an answer') contact?: string;
  @IsOptional() @ValidateNested() @Type(() => ReportPhotoDto) photo?: ReportPhotoDto;
}
