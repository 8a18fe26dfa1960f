import { IsIn, IsLatitude, IsLongitude, IsOptional } from 'class-validator';
import { LOCATION_KINDS, type LocationKind, type UpdateLocationRequest } from '@nguon/shared';
import { IsGln, IsOptionalNotNull, IsText } from '../../common/validation/decorators.js';

/** Only what is sent changes; GLN and the coordinates (both together) are cleared with null. */
export class UpdateLocationDto implements UpdateLocationRequest {
  @IsOptionalNotNull() @IsIn(LOCATION_KINDS) kind?: LocationKind;
  @IsOptionalNotNull() @IsText(200) name?: string;
  @IsOptionalNotNull() @IsText(300) address?: string;
  @IsOptionalNotNull() @IsText(120) province?: string;
  @IsOptional() @IsGln() gln?: string | null;
  @IsOptional() @IsLatitude() latitude?: number | null;
  @IsOptional() @IsLongitude() longitude?: number | null;
}
