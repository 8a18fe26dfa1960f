import { PASSWORD_MIN_LENGTH, type AcceptInvitationRequest, type InvitationSignUpRequest } from '@nguon/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsMailToken, IsText } from '../../common/validation/decorators.js';

export class InvitationTokenDto implements AcceptInvitationRequest {
  @IsMailToken() token: string;
}

export class InvitationSignUpDto implements InvitationSignUpRequest {
  @IsMailToken() token: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH }) @IsString() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200) password: string;
  @IsText(120) displayName: string;
}
