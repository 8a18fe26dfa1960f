import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsOptional, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import type { Address, CreateBusinessRequest, UpdateBusinessGlnRequest, UpdateGs1PrefixesRequest } from '@nguon/shared';
import { IsGln, IsGs1PrefixList, IsTaxCode, IsText } from '../../common/validation/decorators.js';

export class AddressDto implements Address {
  @IsText(300, 'Street, village, hamlet') line: string;
  @IsText(120, 'Xã / phường') commune: string;
  @IsText(120, 'Tỉnh / thành phố') province: string;
}

export class CreateBusinessDto implements CreateBusinessRequest {
  @IsText(300) legalName: string;
  @IsTaxCode() taxCode: string;
  @ApiProperty({ type: AddressDto }) @ValidateNested() @Type(() => AddressDto) address: AddressDto;
  @IsOptional() @Matches(/^\+?[0-9 .-]{8,20}$/, { message: '$property must be a phone number' }) phone?: string;
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @IsOptional() @IsGs1PrefixList() gs1Prefixes?: string[];
  @IsOptional() @IsGln() gln?: string;
}

export class UpdateBusinessGlnDto implements UpdateBusinessGlnRequest {
  /** null clears it. */
  @ValidateIf((dto: UpdateBusinessGlnDto) => dto.gln !== null) @IsGln() gln: string | null;
}

export class UpdateGs1PrefixesDto implements UpdateGs1PrefixesRequest {
  @IsGs1PrefixList() gs1Prefixes: string[];
}
