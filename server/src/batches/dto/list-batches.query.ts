import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { BATCH_STATUSES, type BatchStatus, type ListBatchesQuery } from '@nguon/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

export class ListBatchesQueryDto extends PageQueryDto implements ListBatchesQuery {
  @ApiPropertyOptional({ enum: BATCH_STATUSES }) @IsOptional() @IsIn(BATCH_STATUSES) status?: BatchStatus;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() productId?: string;

  @ApiPropertyOptional({ description: 'Lot code, display name or product name, with or without diacritics' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
