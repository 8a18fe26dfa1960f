import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import {
  PASSWORD_MIN_LENGTH,
  type ChangePasswordRequest,
  type LoginRequest,
  type RegisterRequest,
  type VerifyEmailRequest,
} from '@nguon/shared';
import { IsMailToken, IsText } from '../../common/validation/decorators.js';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'buoi.phuctrach@demo.nguon.vn' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MaxLength(200) password: string;
}

export class RegisterDto implements RegisterRequest {
  @ApiProperty({ example: 'chu.htx@example.vn' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH }) @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200) password: string;
  @IsText(120) displayName: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty() @IsString() @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH }) @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200) newPassword: string;
}

export class VerifyEmailDto implements VerifyEmailRequest {
  @IsMailToken() token: string;
}
