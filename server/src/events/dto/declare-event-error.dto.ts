import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import {
  CBV_ERROR_REASONS,
  SINGLE_BATCH_STAGES,
  type CbvErrorReason,
  type DeclareEventErrorRequest,
  type RecordStageRequest,
} from '@nguon/shared';
import { IsText } from '../../common/validation/decorators.js';
import { StageFieldsDto } from './record-stage.dto.js';

/** The corrected event's stage fields; its stage is the wrong event's unless named. */
export class CorrectedStageDto extends StageFieldsDto {
  @ApiPropertyOptional({ enum: SINGLE_BATCH_STAGES }) @IsOptional() @IsIn(SINGLE_BATCH_STAGES) stage?: RecordStageRequest['stage'];
}

export class DeclareEventErrorDto implements DeclareEventErrorRequest {
  @ApiProperty({ enum: CBV_ERROR_REASONS }) @IsIn(CBV_ERROR_REASONS) reason: CbvErrorReason;
  @IsText(1000) explanation: string;
  @ApiPropertyOptional({ type: CorrectedStageDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CorrectedStageDto)
  corrected?: CorrectedStageDto;
  @IsOptional() @IsBoolean() overrideMassBalance?: boolean;
}
