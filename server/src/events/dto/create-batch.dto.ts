import { IsNumber, IsOptional, IsPositive, IsUUID, Max } from 'class-validator';
import type { CreateBatchRequest, UnitCode } from '@nguon/shared';
import { IsIsoDate, IsLotCode, IsText, IsUnitCode } from '../../common/validation/decorators.js';
import { EventTimePlaceDto } from './record-stage.dto.js';

/** Registering a batch is its commissioning event: `eventTime` and `locationId` say when and where. */
export class CreateBatchDto extends EventTimePlaceDto implements CreateBatchRequest {
  @IsUUID() productId: string;
  @IsLotCode() lotCode: string;
  @IsOptional() @IsText(200) displayName?: string;
  @IsIsoDate() productionDate: string;
  @IsOptional() @IsIsoDate() expiryDate?: string;
  @IsOptional() @IsIsoDate() bestBeforeDate?: string;
  @IsOptional() @IsNumber({ maxDecimalPlaces: 6 }) @IsPositive() @Max(1e12) quantity?: number;
  @IsOptional() @IsUnitCode() unit?: UnitCode;
  @IsOptional() @IsUUID() originLocationId?: string;
}
