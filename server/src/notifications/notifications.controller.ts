import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { NotificationView, Page } from '@nguon/shared';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { ListNotificationsQuery } from './dto/list-notifications.query.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/businesses/:businessId/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Access({ scope: 'read', actsFor: owned.businessInPath() })
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery): Promise<Page<NotificationView>> {
    return this.notifications.list(actor, query);
  }

  @Post(':notificationId/read')
  @HttpCode(204)
  @Access({ actsFor: owned.businessInPath() })
  markRead(@CurrentActor() actor: Actor, @Param('notificationId', UuidParam) id: string): Promise<void> {
    return this.notifications.markRead(actor, id);
  }

  /** "Đã nhận": a member (a person, not an API key) says the business has the recall in hand; kept once, with who and when. */
  @Post(':notificationId/acknowledge')
  @HttpCode(200)
  @Access({ actsFor: owned.businessInPath() })
  acknowledge(@CurrentActor() actor: Actor, @Param('notificationId', UuidParam) id: string): Promise<NotificationView> {
    return this.notifications.acknowledge(actor, id);
  }
}
