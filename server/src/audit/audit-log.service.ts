import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEntryView, Page } from '@nguon/shared';
import { DataSource } from 'typeorm';
import type { AuditQueryDto } from './dto/audit-query.dto.js';

interface AuditRow {
  id: string;
  occurred_at: Date;
  user_id: string | null;
  user_email: string | null;
  api_key_id: string | null;
  business_id: string | null;
  business_name: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  client_address: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
  client_request_id: string | null;
  total: string;
}

/** Reading the audit log, newest first, filtered (administrators and inspectors). */
@Injectable()
export class AuditLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(query: AuditQueryDto): Promise<Page<AuditEntryView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace(/\?1?/g, `$${params.length}`));
    };
    if (query.businessId) filter('a.business_id = ?', query.businessId);
    if (query.userId) filter('a.user_id = ?', query.userId);
    // A batch's trail includes the events recorded on it, which name their batches in the details.
    if (query.targetId) filter(`(a.target_id = ?1 OR a.details->'batches' @> jsonb_build_array(?1::text))`, query.targetId);
    if (query.action) filter('a.action = ?', query.action);
    if (query.from) filter('a.occurred_at >= ?', query.from);
    if (query.to) filter('a.occurred_at < ?', query.to);
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const filterParams = [...params];
    params.push(query.limit, query.offset);
    const rows: AuditRow[] = await this.db.query(
      `SELECT a.*, u.email AS user_email, b.legal_name AS business_name, count(*) OVER () AS total
         FROM audit_log a
         LEFT JOIN users u ON u.id = a.user_id
         LEFT JOIN businesses b ON b.id = a.business_id
        ${whereSql}
        ORDER BY a.occurred_at DESC, a.id DESC
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    // The window count comes with the rows; a page past the end has none, so count on their own.
    const total = rows[0]
      ? Number(rows[0].total)
      : query.offset > 0
        ? Number((await this.db.query(`SELECT count(*) AS n FROM audit_log a ${whereSql}`, filterParams))[0].n)
        : 0;
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
