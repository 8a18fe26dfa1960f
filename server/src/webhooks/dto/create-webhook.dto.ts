import { IsUrl, MaxLength } from 'class-validator';
import type { CreateWebhookRequest } from '@nguon/shared';

export class CreateWebhookDto implements CreateWebhookRequest {
  @MaxLength(2000) @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url: string;
}
