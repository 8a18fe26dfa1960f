import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AuditQuery } from '@nguon/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() businessId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional({ description: 'A batch (with the events recorded on it), event, product... id' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  targetId?: string;
  @ApiPropertyOptional({ example: 'batch.register' }) @IsOptional() @IsString() @MaxLength(60) action?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601() to?: string;
}
