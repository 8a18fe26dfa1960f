import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { MEMBER_ROLES, type InviteMemberRequest, type MemberRole } from '@nguon/shared';

export class InviteMemberDto implements InviteMemberRequest {
  @ApiProperty({ example: 'nhanvien@example.vn' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ enum: MEMBER_ROLES }) @IsIn(MEMBER_ROLES) role: MemberRole;
}
