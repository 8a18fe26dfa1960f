import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { BUSINESS_STATUSES, type BusinessStatus } from '@nguon/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

export class ListBusinessesQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Name or tax code, with or without diacritics' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: BUSINESS_STATUSES }) @IsOptional() @IsIn(BUSINESS_STATUSES) status?: BusinessStatus;
}
