import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntryView, Page } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { countAuditLog, searchAuditLog } from './audit-log.queries.js';
import type { AuditQueryDto } from './dto/audit-query.dto.js';

/** Reading the audit log, newest first, filtered (administrators and inspectors). */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(query: AuditQueryDto): Promise<Page<AuditEntryView>> {
    const rows = await searchAuditLog(this.db.manager, query);
    // The window count comes with the rows; a page past the end has none, so count on their own.
    const total = rows[0] ? Number(rows[0].total) : query.offset > 0 ? await countAuditLog(this.db.manager, query) : 0;
    return {
      items: rows.map((r) => ({
        id: String(r.id),
        occurredAt: r.occurred_at.toISOString(),
        userId: r.user_id,
        userEmail: r.user_email,
        apiKeyId: r.api_key_id,
        businessId: r.business_id,
        businessName: r.business_name,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        clientAddress: r.client_address,
        requestId: r.request_id,
        details: r.details,
        clientRequestId: r.client_request_id,
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}
