import { ApiProperty } from '@nestjs/swagger';
import { IsLatitude, IsLongitude, IsString, MaxLength } from 'class-validator';
import type { ScanPlaceRequest } from '@nguon/shared';

export class ScanPlaceDto implements ScanPlaceRequest {
  @ApiProperty({ description: 'The scanToken of the scan being placed (resolver JSON, or #scan= of the page it redirected to)' })
  @IsString()
  @MaxLength(100)
  scanToken: string;

  @IsLatitude() latitude: number;
  @IsLongitude() longitude: number;
}
