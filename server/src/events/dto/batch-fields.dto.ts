import { IsNumber, IsOptional, IsPositive, IsUUID, Max } from 'class-validator';
import type { NewOutputBatch, UnitCode } from '@nguon/shared';
import { IsIsoDate, IsLotCode, IsText, IsUnitCode } from '../../common/validation/decorators.js';

/** What makes a new lot, whether registered on its own or made by processing. */
export class BatchFieldsDto implements NewOutputBatch {
  @IsUUID() productId: string;
  @IsLotCode() lotCode: string;
  @IsOptional() @IsText(200) displayName?: string;
  @IsIsoDate() productionDate: string;
  @IsOptional() @IsIsoDate() expiryDate?: string;
  @IsOptional() @IsIsoDate() bestBeforeDate?: string;
  @IsOptional() @IsNumber({ maxDecimalPlaces: 6 }) @IsPositive() @Max(1e12) quantity?: number;
  @IsOptional() @IsUnitCode() unit?: UnitCode;
}
