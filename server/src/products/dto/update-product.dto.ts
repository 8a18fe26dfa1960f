import type { UnitCode, UpdateProductRequest } from '@nguon/shared';
import { IsOptional } from 'class-validator';
import { IsGtin, IsOptionalNotNull, IsText, IsUnitCode } from '../../common/validation/decorators.js';
import { LocalizedTextDto, ProductField } from './create-product.dto.js';

/** Only what is sent changes; optional fields are cleared with null, required ones cannot be. */
export class UpdateProductDto implements UpdateProductRequest {
  @IsOptionalNotNull() @ProductField.text() name?: LocalizedTextDto;
  @IsOptional() @ProductField.text() description?: LocalizedTextDto | null;
  @IsOptionalNotNull() @IsText(100) category?: string;
  @IsOptional() @IsText(200) brand?: string | null;
  @IsOptional() @ProductField.imageUrl() imageUrl?: string | null;
  @IsOptional() @IsGtin() gtin?: string | null;
  @IsOptionalNotNull() @IsUnitCode() unit?: UnitCode;
  @IsOptional() @ProductField.shelfLifeDays() shelfLifeDays?: number | null;
  @IsOptionalNotNull() @ProductField.standards() standards?: string[];
  @IsOptionalNotNull() @ProductField.images() images?: string[];
}
