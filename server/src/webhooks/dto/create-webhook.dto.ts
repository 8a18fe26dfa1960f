import { ApiPropertyOptional } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES, type CreateWebhookRequest, type WebhookEventType } from '@nguon/shared';
import { ArrayMinSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { IsOutboundUrl } from '../../common/outbound/is-outbound-url.js';

export class CreateWebhookDto implements CreateWebhookRequest {
  @IsOutboundUrl()
  url: string;

  /** What it hears of; recalls when not given. */
  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events?: WebhookEventType[];
}
