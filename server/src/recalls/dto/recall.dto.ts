import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  RECALL_REASON_CATEGORY_NAMES,
  RECALL_SEVERITY_NAMES,
  type LiftRecallRequest,
  type RecallReasonCategory,
  type RecallRequest,
  type RecallSeverity,
} from '@nguon/shared';
import { IsText } from '../../common/validation/decorators.js';

export class RecallDto implements RecallRequest {
  @ApiProperty({ enum: RECALL_SEVERITY_NAMES }) @IsIn(RECALL_SEVERITY_NAMES) severity: RecallSeverity;
  @ApiPropertyOptional({
    enum: RECALL_REASON_CATEGORY_NAMES,
    description: "The kind of problem, shown in each reader's language; `other` when absent",
  })
  @IsOptional()
  @IsIn(RECALL_REASON_CATEGORY_NAMES)
  reasonCategory?: RecallReasonCategory;
  @IsText(1000, 'The details of why the batch is recalled, as written: consumers read them on the batch page') reason: string;
}

export class LiftRecallDto implements LiftRecallRequest {
  @IsText(1000, 'Why the recall ends') reason: string;
}
