import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsPositive, Max } from 'class-validator';
import { RECEIPT_SHORTFALL_REASON_NAMES, type ReceiptShortfallReason, type ReceiveShipmentRequest } from '@nguon/shared';
import { EventTimePlaceDto } from '../../events/dto/record-stage.dto.js';

/** All optional: now, the receiver's usual place, the quantity that was shipped. */
export class ReceiveShipmentDto extends EventTimePlaceDto implements ReceiveShipmentRequest {
  @IsOptional() @IsNumber({ maxDecimalPlaces: 6 }) @IsPositive() @Max(1e12) quantity?: number;
  @ApiPropertyOptional({ enum: RECEIPT_SHORTFALL_REASON_NAMES })
  @IsOptional()
  @IsIn(RECEIPT_SHORTFALL_REASON_NAMES)
  shortfallReason?: ReceiptShortfallReason;
}
