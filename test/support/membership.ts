import type { NotificationView, Page } from '@nguon/shared';
import type { Factory, TestUser } from '../factories/index.js';
import { sql } from './db.js';
import type { TestApp } from './test-app.js';

/** The membership audit entries of a business, oldest first, read behind the API's back. */
export async function membershipAudit(
  t: TestApp,
  businessId: string,
): Promise<{ action: string; user_id: string | null; target_id: string | null; details: Record<string, unknown> }[]> {
  return sql(t, `SELECT action, user_id, target_id, details FROM audit_log WHERE business_id = $1 AND action LIKE 'member.%' ORDER BY id`, [
    businessId,
  ]);
}

/** The membership notices a member of the business sees, newest first. */
export async function membershipNotices(f: Factory, user: TestUser, businessId: string): Promise<NotificationView[]> {
  const page = (await f.http.get<Page<NotificationView>>(`/api/businesses/${businessId}/notifications?limit=100`, { token: user.token }))
    .body;
  return page.items.filter((n) => n.kind === 'membership');
}
