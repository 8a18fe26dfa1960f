import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { CreateProductRequest, LocalizedText, UnitCode } from '@nguon/shared';
import { IsGtin, IsText, IsUnitCode } from '../../common/validation/decorators.js';

export class LocalizedTextDto implements LocalizedText {
  @IsText(2000, 'Vietnamese') vi: string;
  @IsText(2000, 'English') en: string;
}

/** The most photos a product keeps: enough for a gallery, few enough for a weak phone. */
export const MAX_PRODUCT_IMAGES = 10;

/** The fields' checks, shared by creating and changing a product. */
export const ProductField = {
  text: () =>
    applyDecorators(
      ValidateNested(),
      Type(() => LocalizedTextDto),
    ),
  imageUrl: () => applyDecorators(IsUrl({ require_tld: false, protocols: ['http', 'https'] }), MaxLength(2000)),
  shelfLifeDays: () => applyDecorators(IsInt(), Min(1), Max(36500)),
  standards: () => applyDecorators(IsArray(), ArrayMaxSize(20), IsString({ each: true }), MaxLength(100, { each: true })),
  images: () => applyDecorators(IsArray(), ArrayMaxSize(MAX_PRODUCT_IMAGES), ArrayUnique(), IsUUID('all', { each: true })),
};

export class CreateProductDto implements CreateProductRequest {
  @ApiProperty({ type: LocalizedTextDto }) @ProductField.text() name: LocalizedTextDto;
  @IsOptional() @ProductField.text() description?: LocalizedTextDto;
  @IsText(100) category: string;
  @IsOptional() @IsText(200) brand?: string;
  @IsOptional() @ProductField.imageUrl() imageUrl?: string;
  @IsOptional() @IsGtin() gtin?: string;
  @IsUnitCode() unit: UnitCode;
  @IsOptional() @ProductField.shelfLifeDays() shelfLifeDays?: number;
  @IsOptional() @ProductField.standards() standards?: string[];
  @IsOptional() @ProductField.images() images?: string[];
}
