import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ApiKeyView, CreatedApiKey } from '@nguon/shared';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { ApiKeysService } from './api-keys.service.js';
import { CreateApiKeyDto } from './dto/create-api-key.dto.js';

/** Only a business's owners manage its keys, and only when signed in as themselves. */
const OWNER = { actsFor: owned.businessInPath(), memberRole: 'owner' } as const;

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('api/businesses/:businessId/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @Access(OWNER)
  list(@CurrentActor() actor: Actor): Promise<ApiKeyView[]> {
    return this.keys.listKeys(actor);
  }

  @Post()
  @Access(OWNER)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.keys.createKey(actor, dto);
  }

  @Post(':keyId/rotate')
  @Access(OWNER)
  rotate(@CurrentActor() actor: Actor, @Param('keyId', UuidParam) keyId: string): Promise<CreatedApiKey> {
    return this.keys.rotateKey(actor, keyId);
  }

  @Delete(':keyId')
  @HttpCode(204)
  @Access(OWNER)
  revoke(@CurrentActor() actor: Actor, @Param('keyId', UuidParam) keyId: string): Promise<void> {
    return this.keys.revokeKey(actor, keyId);
  }
}
