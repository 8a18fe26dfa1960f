import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsNumber,
  IsOptional,
  IsPositive,
  IsUUID,
  Max,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { ProcessingInput, ProcessingOutput, RecordProcessingRequest, UnitCode } from '@nguon/shared';
import { IsUnitCode } from '../../common/validation/decorators.js';
import { BatchFieldsDto } from './batch-fields.dto.js';
import { BizTransactionDto, EventTimePlaceDto, IsBizTransactionList } from './record-stage.dto.js';

export class ProcessingInputDto implements ProcessingInput {
  @IsUUID() batchId: string;
  @IsNumber({ maxDecimalPlaces: 6 }) @IsPositive() @Max(1e12) quantity: number;
  @IsUnitCode() unit: UnitCode;
}

/** An existing batch of the business (`batchId`), or one made in this step (`newBatch`). */
export class ProcessingOutputDto implements ProcessingOutput {
  @ApiPropertyOptional() @ValidateIf((o: ProcessingOutputDto) => o.newBatch === undefined) @IsUUID() batchId?: string;
  @ApiPropertyOptional({ type: BatchFieldsDto })
  @ValidateIf((o: ProcessingOutputDto) => o.batchId === undefined)
  @ValidateNested()
  @Type(() => BatchFieldsDto)
  newBatch?: BatchFieldsDto;
  @IsOptional() @IsNumber({ maxDecimalPlaces: 6 }) @IsPositive() @Max(1e12) quantity?: number;
  @IsOptional() @IsUnitCode() unit?: UnitCode;
}

export class RecordProcessingDto extends EventTimePlaceDto implements RecordProcessingRequest {
  @ApiProperty({ type: [ProcessingInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProcessingInputDto)
  inputs: ProcessingInputDto[];

  @ApiProperty({ type: [ProcessingOutputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ProcessingOutputDto)
  outputs: ProcessingOutputDto[];

  @IsBizTransactionList() bizTransactions?: BizTransactionDto[];
  @IsOptional() @IsBoolean() overrideMassBalance?: boolean;
}
