import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CreatedInvitation, CurrentUser, InvitationPreview, InvitationView, LoginResponse } from '@nguon/shared';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor, CurrentRequestInfo, type RequestInfo } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { InviteMemberDto } from './dto/invite-member.dto.js';
import { InvitationSignUpDto, InvitationTokenDto } from './dto/invitation-token.dto.js';
import { InvitationsService } from './invitations.service.js';

const OWNERS = { actsFor: owned.businessInPath(), memberRole: 'owner' } as const;

@ApiTags('members')
@Controller('api')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get('businesses/:businessId/invitations')
  @Access(OWNERS)
  @ApiBearerAuth()
  list(@CurrentActor() actor: Actor): Promise<InvitationView[]> {
    return this.invitations.listInvitations(actor);
  }

  @Post('businesses/:businessId/invitations')
  @Access(OWNERS)
  @ApiBearerAuth()
  invite(@CurrentActor() actor: Actor, @Body() dto: InviteMemberDto): Promise<CreatedInvitation> {
    return this.invitations.invite(actor, dto);
  }

  @Post('businesses/:businessId/invitations/:invitationId/resend')
  @HttpCode(200)
  @Access(OWNERS)
  @ApiBearerAuth()
  resend(@CurrentActor() actor: Actor, @Param('invitationId', UuidParam) id: string): Promise<CreatedInvitation> {
    return this.invitations.resend(actor, id);
  }

  @Delete('businesses/:businessId/invitations/:invitationId')
  @HttpCode(204)
  @Access(OWNERS)
  @ApiBearerAuth()
  revoke(@CurrentActor() actor: Actor, @Param('invitationId', UuidParam) id: string): Promise<void> {
    return this.invitations.revoke(actor, id);
  }

  @Post('invitations/preview')
  @HttpCode(200)
  @RateLimited('login')
  preview(@Body() dto: InvitationTokenDto): Promise<InvitationPreview> {
    return this.invitations.preview(dto);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @Access()
  @ApiBearerAuth()
  @RateLimited('login')
  accept(@CurrentActor() actor: Actor, @Body() dto: InvitationTokenDto): Promise<CurrentUser> {
    return this.invitations.accept(actor, dto);
  }

  @Post('invitations/sign-up')
  @RateLimited('login')
  signUp(@Body() dto: InvitationSignUpDto, @CurrentRequestInfo() info: RequestInfo): Promise<LoginResponse> {
    return this.invitations.signUp(dto, info);
  }
}
