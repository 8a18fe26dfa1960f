import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsIsoDate } from '../../common/validation/decorators.js';

const MAX_SIZE = Number.MAX_SAFE_INTEGER;

/** Two tree sizes: the head a verifier holds and the one it is shown. */
export class ConsistencyQueryDto {
  @ApiProperty({ minimum: 0, description: 'The size of the tree head the verifier holds' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SIZE)
  from: number;

  @ApiProperty({ minimum: 0, description: 'The size of the newer tree head' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SIZE)
  to: number;
}

export class EntriesQueryDto {
  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'The position of the first record' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SIZE)
  start = 0;
}

/** A day of the daily checkpoints, as YYYY-MM-DD, in Vietnam's time (UTC+07:00). */
export class LogDayParamDto {
  @IsIsoDate()
  day: string;
}
