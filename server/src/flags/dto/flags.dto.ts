import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { FLAG_KIND_NAMES, FLAG_STATUS_NAMES, type FlagKind, type FlagStatus, type UpdateFlagRequest } from '@nguon/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { IsOptionalNotNull, IsText } from '../../common/validation/decorators.js';

export class ListFlagsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: FLAG_STATUS_NAMES }) @IsOptional() @IsIn(FLAG_STATUS_NAMES) status?: FlagStatus;
  @ApiPropertyOptional({ enum: FLAG_KIND_NAMES }) @IsOptional() @IsIn(FLAG_KIND_NAMES) kind?: FlagKind;
  @IsOptional() @IsUUID() batchId?: string;
}

/** `null` is not a way to leave a field out: it is refused like any other wrong value. */
export class UpdateFlagDto implements UpdateFlagRequest {
  @ApiPropertyOptional({ enum: FLAG_STATUS_NAMES }) @IsOptionalNotNull() @IsIn(FLAG_STATUS_NAMES) status?: FlagStatus;
  @IsOptionalNotNull() @IsText(2000, 'What the inspector found or did') note?: string;
}
