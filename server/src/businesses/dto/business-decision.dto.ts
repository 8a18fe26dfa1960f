import { IsOptional } from 'class-validator';
import type { BusinessDecisionRequest } from '@nguon/shared';
import { IsText } from '../../common/validation/decorators.js';

export class BusinessDecisionDto implements BusinessDecisionRequest {
  @IsOptional() @IsText(1000) reason?: string;
}
