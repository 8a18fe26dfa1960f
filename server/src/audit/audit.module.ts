import { Global, Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service.js';
import { AuditTrail } from './audit-trail.js';
import { AuditController } from './audit.controller.js';

/** Global: every module that writes records its writes in the trail. */
@Global()
@Module({ controllers: [AuditController], providers: [AuditTrail, AuditLogService], exports: [AuditTrail] })
export class AuditModule {}
