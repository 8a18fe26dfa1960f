import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import type { LoginRequest } from '@nguon/shared';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'htx.phuctrach@demo.nguon.vn' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MaxLength(200) password: string;
}
