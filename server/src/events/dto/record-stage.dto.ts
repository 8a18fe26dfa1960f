import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsPositive, IsUUID, Max, ValidateNested } from 'class-validator';
import {
  CBV_BIZ_TRANSACTION_TYPES,
  RECEIPT_SHORTFALL_REASON_NAMES,
  SINGLE_BATCH_STAGES,
  type ReceiptShortfallReason,
  type BizTransactionInput,
  type CbvBizTransactionType,
  type RecordStageRequest,
  type StageFields,
  type UnitCode,
} from '@nguon/shared';
import { IsDateTime, IsText, IsTimeZoneOffset, IsUnitCode } from '../../common/validation/decorators.js';

export class BizTransactionDto implements BizTransactionInput {
  @ApiProperty({ enum: CBV_BIZ_TRANSACTION_TYPES }) @IsIn(CBV_BIZ_TRANSACTION_TYPES) type: CbvBizTransactionType;
  @IsText(100) id: string;
}

/** The reference documents an event names, optional, at most 20: for the stage and processing forms alike. */
export const IsBizTransactionList = () =>
  applyDecorators(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(20),
    ValidateNested({ each: true }),
    Type(() => BizTransactionDto),
  );

/** Fields every event form shares: when and where. */
export class EventTimePlaceDto {
  @IsOptional() @IsDateTime() eventTime?: string;
  @IsOptional() @IsTimeZoneOffset() eventTimeZoneOffset?: string;
  @IsOptional() @IsUUID() locationId?: string;
  @IsOptional() @IsText(2000) note?: string;
}

/** What a stage form fills in, whichever stage it is (the rules per stage are the service's). */
export class StageFieldsDto extends EventTimePlaceDto implements StageFields {
  @IsOptional() @IsNumber({ maxDecimalPlaces: 6 }) @IsPositive() @Max(1e12) quantity?: number;
  @IsOptional() @IsUnitCode() unit?: UnitCode;
  @IsOptional() @IsUUID() destinationBusinessId?: string;
  @IsOptional() @IsText(300) destinationName?: string;
  @IsOptional() @IsUUID() sourceBusinessId?: string;
  @IsOptional() @IsText(300) sourceName?: string;
  @ApiPropertyOptional({ enum: RECEIPT_SHORTFALL_REASON_NAMES })
  @IsOptional()
  @IsIn(RECEIPT_SHORTFALL_REASON_NAMES)
  shortfallReason?: ReceiptShortfallReason;
  @IsBizTransactionList() bizTransactions?: BizTransactionDto[];
  @IsOptional() @IsBoolean() passed?: boolean;
  @IsOptional() @IsText(300) labName?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true }) attachmentIds?: string[];
}

export class RecordStageDto extends StageFieldsDto implements RecordStageRequest {
  @ApiProperty({ enum: SINGLE_BATCH_STAGES }) @IsIn(SINGLE_BATCH_STAGES) stage: RecordStageRequest['stage'];
  @IsOptional() @IsBoolean() overrideMassBalance?: boolean;
}
