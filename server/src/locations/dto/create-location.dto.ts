import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsLatitude, IsLongitude, IsOptional } from 'class-validator';
import { LOCATION_KINDS, type CreateLocationRequest, type LocationKind } from '@nguon/shared';
import { IsGln, IsText } from '../../common/validation/decorators.js';

export class CreateLocationDto implements CreateLocationRequest {
  @ApiProperty({ enum: LOCATION_KINDS }) @IsIn(LOCATION_KINDS) kind: LocationKind;
  @IsText(200) name: string;
  @IsText(300) address: string;
  @IsText(120) province: string;
  @IsOptional() @IsGln() gln?: string;
  @IsOptional() @IsLatitude() latitude?: number;
  @IsOptional() @IsLongitude() longitude?: number;
}
