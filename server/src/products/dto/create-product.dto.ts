import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { CreateProductRequest, LocalizedText, UnitCode } from '@nguon/shared';
import { IsGtin, IsText, IsUnitCode } from '../../common/validation/decorators.js';

export class LocalizedTextDto implements LocalizedText {
  @IsText(2000, 'Vietnamese') vi: string;
  @IsText(2000, 'English') en: string;
}

export class CreateProductDto implements CreateProductRequest {
  @ApiProperty({ type: LocalizedTextDto }) @ValidateNested() @Type(() => LocalizedTextDto) name: LocalizedTextDto;
  @IsOptional() @ValidateNested() @Type(() => LocalizedTextDto) description?: LocalizedTextDto;
  @IsText(100) category: string;
  @IsOptional() @IsText(200) brand?: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) @MaxLength(2000) imageUrl?: string;
  @IsOptional() @IsGtin() gtin?: string;
  @IsUnitCode() unit: UnitCode;
  @IsOptional() @IsInt() @Min(1) @Max(36500) shelfLifeDays?: number;
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(100, { each: true }) standards?: string[];
}
