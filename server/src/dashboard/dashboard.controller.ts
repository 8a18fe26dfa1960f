import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DashboardView } from '@nguon/shared';
import { Access } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { DashboardService } from './dashboard.service.js';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('businesses/:businessId/dashboard')
  @Access({ scope: 'read' })
  get(@CurrentActor() actor: Actor, @Param('businessId', UuidParam) businessId: string): Promise<DashboardView> {
    return this.dashboard.getDashboard(actor, businessId);
  }
}
