import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { QR_ERROR_CORRECTION_LEVELS, type QrErrorCorrectionLevel } from '@nguon/shared';

export class QrQueryDto {
  @ApiPropertyOptional({ minimum: 64, maximum: 4096, default: 512, description: 'Width in pixels (PNG) or user units (SVG)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(64) @Max(4096)
  size = 512;

  @ApiPropertyOptional({ enum: QR_ERROR_CORRECTION_LEVELS, default: 'M' })
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value)) @IsIn(QR_ERROR_CORRECTION_LEVELS)
  ecc: QrErrorCorrectionLevel = 'M';

  @ApiPropertyOptional({ default: true, description: 'SVG only: print product, lot and code under the symbol' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  caption = true;
}
