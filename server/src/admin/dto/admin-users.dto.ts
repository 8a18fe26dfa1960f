import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MIN_LENGTH, USER_ROLES, type CreateUserRequest, type UpdateUserRequest, type UserRole } from '@nguon/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { IsText } from '../../common/validation/decorators.js';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @IsText(120) displayName: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: 'An initial password the person changes after signing in' })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(200)
  password: string;
  @ApiProperty({ enum: USER_ROLES }) @IsIn(USER_ROLES) role: UserRole;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ enum: USER_ROLES }) @IsOptional() @IsIn(USER_ROLES) role?: UserRole;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() disabled?: boolean;
}

export class ListUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Email or name' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: USER_ROLES }) @IsOptional() @IsIn(USER_ROLES) role?: UserRole;
}
