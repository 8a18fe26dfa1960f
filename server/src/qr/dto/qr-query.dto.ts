import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { QR_ERROR_CORRECTION_LEVELS, type QrErrorCorrectionLevel } from '@nguon/shared';

/** The largest QR image drawn at all (members of the batch's business); others get QR_PUBLIC_MAX_SIZE. */
export const QR_MAX_SIZE = 4096;

export class QrQueryDto {
  @ApiPropertyOptional({
    minimum: 64,
    maximum: QR_MAX_SIZE,
    default: 512,
    description:
      "Width in pixels (PNG) or user units (SVG); over QR_PUBLIC_MAX_SIZE (default 1024) only for signed-in members of the batch's business",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(64)
  @Max(QR_MAX_SIZE)
  size = 512;

  @ApiPropertyOptional({ enum: QR_ERROR_CORRECTION_LEVELS, default: 'M' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsIn(QR_ERROR_CORRECTION_LEVELS)
  ecc: QrErrorCorrectionLevel = 'M';

  @ApiPropertyOptional({ default: true, description: 'SVG only: print product, lot and code under the symbol' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  caption = true;
}
