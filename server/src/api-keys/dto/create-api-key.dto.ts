import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { API_KEY_SCOPES, type ApiKeyScope, type CreateApiKeyRequest } from '@nguon/shared';
import { IsText } from '../../common/validation/decorators.js';

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @IsText(100, 'What the key is for, e.g. "ERP kho Hà Nội"') name: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes: ApiKeyScope[];
}
