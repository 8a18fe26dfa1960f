import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { MembershipChanges } from './membership-changes.js';

@Module({
  imports: [NotificationsModule],
  controllers: [MembersController, InvitationsController],
  providers: [MembersService, InvitationsService, MembershipChanges],
})
export class MembersModule {}
