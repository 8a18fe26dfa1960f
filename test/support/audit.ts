import { randomUUID } from 'node:crypto';
import { sql } from './db.js';
import type { TestApp } from './test-app.js';

/** An audit entry as stored, read behind the API's back. */
export interface AuditRow {
  id: string;
  occurred_at: Date;
  user_id: string | null;
  api_key_id: string | null;
  business_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  client_address: string | null;
  request_id: string | null;
  client_request_id: string | null;
  details: Record<string, unknown>;
}

/** The audit entries a request left, found by the server's request id or the X-Request-Id it was sent with. */
export function auditEntriesOf(t: TestApp, requestId: string): Promise<AuditRow[]> {
  return sql<AuditRow>(t, `SELECT * FROM audit_log WHERE request_id = $1 OR client_request_id = $1 ORDER BY id`, [requestId]);
}

/** A request id of our own, sent as X-Request-Id, to find what the request wrote (kept as client_request_id). */
export function newRequestId(label = 'req'): string {
  return `${label}-${randomUUID()}`;
}
