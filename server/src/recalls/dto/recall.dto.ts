import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RECALL_SEVERITY_NAMES, type LiftRecallRequest, type RecallRequest, type RecallSeverity } from '@nguon/shared';
import { IsText } from '../../common/validation/decorators.js';

export class RecallDto implements RecallRequest {
  @ApiProperty({ enum: RECALL_SEVERITY_NAMES }) @IsIn(RECALL_SEVERITY_NAMES) severity: RecallSeverity;
  @IsText(1000, 'Why the batch is recalled: consumers read it on the batch page') reason: string;
}

export class LiftRecallDto implements LiftRecallRequest {
  @IsText(1000, 'Why the recall ends') reason: string;
}
