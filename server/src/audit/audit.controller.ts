import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEntryView, Page } from '@nguon/shared';
import { Access } from '../auth/access-rule.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @Access({ roles: ['admin', 'inspector'] })
  search(@Query() query: AuditQueryDto): Promise<Page<AuditEntryView>> {
    return this.auditLog.search(query);
  }
}
