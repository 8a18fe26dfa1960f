import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DashboardView } from '@nguon/shared';
import { Access, owned, READS_EVERYTHING } from '../auth/access-rule.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { DashboardService } from './dashboard.service.js';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('businesses/:businessId/dashboard')
  @Access({ scope: 'read', actsFor: owned.businessInPath(), authorities: READS_EVERYTHING })
  get(@Param('businessId', UuidParam) businessId: string): Promise<DashboardView> {
    return this.dashboard.getDashboard(businessId);
  }
}
