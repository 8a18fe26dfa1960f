import { IsNumber, IsOptional, IsPositive, Max } from 'class-validator';
import type { ReceiveShipmentRequest } from '@nguon/shared';
import { EventTimePlaceDto } from '../../events/dto/record-stage.dto.js';

/** All optional: now, no place, the quantity that was shipped. */
export class ReceiveShipmentDto extends EventTimePlaceDto implements ReceiveShipmentRequest {
  @IsOptional() @IsNumber({ maxDecimalPlaces: 6 }) @IsPositive() @Max(1e12) quantity?: number;
}
