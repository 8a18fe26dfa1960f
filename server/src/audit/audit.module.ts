import { Global, Module } from '@nestjs/common';
import { AccountAudit } from '../auth/account-audit.js';
import { AuditLogService } from './audit-log.service.js';
import { AuditTrail } from './audit-trail.js';
import { AuditController } from './audit.controller.js';

/** Global: every module that writes records its writes in the trail (auth/ through AccountAudit). */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, AuditLogService, { provide: AccountAudit, useExisting: AuditTrail }],
  exports: [AuditTrail, AccountAudit],
})
export class AuditModule {}
