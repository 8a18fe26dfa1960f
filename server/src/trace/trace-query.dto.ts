import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { TRACE_DIRECTIONS, type TraceDirection } from '@nguon/shared';

export class TraceQueryDto {
  @ApiPropertyOptional({ enum: TRACE_DIRECTIONS, default: 'both' }) @IsOptional() @IsIn(TRACE_DIRECTIONS) direction: TraceDirection =
    'both';

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20, description: 'Processing steps to follow each way' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  depth = 20;
}
