import type { CreateWebhookRequest } from '@nguon/shared';
import { IsOutboundUrl } from '../../common/outbound/is-outbound-url.js';

export class CreateWebhookDto implements CreateWebhookRequest {
  @IsOutboundUrl()
  url: string;
}
