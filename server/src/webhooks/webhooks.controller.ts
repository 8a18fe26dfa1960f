import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CreatedWebhook, WebhookView } from '@nguon/shared';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { CreateWebhookDto } from './dto/create-webhook.dto.js';
import { WebhooksService } from './webhooks.service.js';

const OWNER = { actsFor: owned.businessInPath(), memberRole: 'owner' } as const;

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/businesses/:businessId/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @Access(OWNER)
  list(@CurrentActor() actor: Actor): Promise<WebhookView[]> {
    return this.webhooks.list(actor);
  }

  @Post()
  @Access(OWNER)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateWebhookDto): Promise<CreatedWebhook> {
    return this.webhooks.create(actor, dto);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @Access(OWNER)
  remove(@CurrentActor() actor: Actor, @Param('webhookId', UuidParam) id: string): Promise<void> {
    return this.webhooks.remove(actor, id);
  }
}
