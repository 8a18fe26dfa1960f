import type { AuditQuery } from '@nguon/shared';
import type { EntityManager } from 'typeorm';

/** An audit entry with who acted and for which business, and how many entries match in all. */
export interface AuditRow {
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

/** Which entries a reader asks for (every filter optional). */
export type AuditFilter = Omit<AuditQuery, 'limit' | 'offset'>;

/** The WHERE clause of the filter over `audit_log a`, with its parameters ($1, $2...). */
function auditWhere(query: AuditFilter): { whereSql: string; params: unknown[] } {
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
  return { whereSql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** A page of the matching entries, newest first, each with the count of all matches. */
export function searchAuditLog(db: EntityManager, query: AuditFilter & { limit: number; offset: number }): Promise<AuditRow[]> {
  const { whereSql, params } = auditWhere(query);
  params.push(query.limit, query.offset);
  return db.query(
    `SELECT a.*, u.email AS user_email, b.legal_name AS business_name, count(*) OVER () AS total
       FROM audit_log a
       LEFT JOIN users u ON u.id = a.user_id
       LEFT JOIN businesses b ON b.id = a.business_id
      ${whereSql}
      ORDER BY a.occurred_at DESC, a.id DESC
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
}

/** How many entries match the filter. */
export async function countAuditLog(db: EntityManager, query: AuditFilter): Promise<number> {
  const { whereSql, params } = auditWhere(query);
  const [row]: { n: string }[] = await db.query(`SELECT count(*) AS n FROM audit_log a ${whereSql}`, params);
  return Number(row!.n);
}
