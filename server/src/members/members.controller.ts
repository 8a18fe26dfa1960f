import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { MemberView } from '@nguon/shared';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { ChangeMemberRoleDto } from './dto/change-member-role.dto.js';
import { MembersService } from './members.service.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller('api/businesses/:businessId/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @Access({ actsFor: owned.businessInPath() })
  list(@CurrentActor() actor: Actor): Promise<MemberView[]> {
    return this.members.listMembers(actor);
  }

  @Post('leave')
  @HttpCode(204)
  @Access({ actsFor: owned.businessInPath() })
  leave(@CurrentActor() actor: Actor): Promise<void> {
    return this.members.leave(actor);
  }

  @Patch(':email')
  @Access({ actsFor: owned.businessInPath(), memberRole: 'owner' })
  changeRole(@CurrentActor() actor: Actor, @Param('email') email: string, @Body() dto: ChangeMemberRoleDto): Promise<MemberView> {
    return this.members.changeRole(actor, email, dto);
  }

  @Delete(':email')
  @HttpCode(204)
  @Access({ actsFor: owned.businessInPath(), memberRole: 'owner' })
  remove(@CurrentActor() actor: Actor, @Param('email') email: string): Promise<void> {
    return this.members.removeMember(actor, email);
  }
}
