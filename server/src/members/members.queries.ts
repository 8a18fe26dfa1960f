import type { MemberRole } from '@nguon/shared';
import type { EntityManager } from 'typeorm';

export interface MemberRow {
  user_id: string;
  email: string;
  display_name: string;
  role: MemberRole;
  since: Date;
}

/** The business's members, longest-standing first. */
export function loadMembers(db: EntityManager, businessId: string): Promise<MemberRow[]> {
  return db.query(
    `SELECT u.id AS user_id, u.email, u.display_name, m.role, m.created_at AS since
       FROM business_members m JOIN users u ON u.id = m.user_id WHERE m.business_id = $1 ORDER BY m.created_at`,
    [businessId],
  );
}

/**
 * The business's memberships, locked until the transaction ends: two owners removing or demoting
 * each other at once are taken one after the other, and the second sees the first's change.
 */
export async function lockMembers(tx: EntityManager, businessId: string): Promise<MemberRow[]> {
  // Locking the business row serialises even changes that touch different member rows.
  await tx.query(`SELECT 1 FROM businesses WHERE id = $1 FOR UPDATE`, [businessId]);
  return tx.query(
    `SELECT m.user_id, u.email, u.display_name, m.role, m.created_at AS since
       FROM business_members m JOIN users u ON u.id = m.user_id
      WHERE m.business_id = $1 ORDER BY m.user_id FOR UPDATE OF m`,
    [businessId],
  );
}

export async function isMember(tx: EntityManager, businessId: string, userId: string): Promise<boolean> {
  const [member]: unknown[] = await tx.query(`SELECT 1 FROM business_members WHERE business_id = $1 AND user_id = $2`, [
    businessId,
    userId,
  ]);
  return member !== undefined;
}

export async function insertMember(tx: EntityManager, businessId: string, userId: string, role: MemberRole): Promise<void> {
  await tx.query(`INSERT INTO business_members (business_id, user_id, role) VALUES ($1, $2, $3)`, [businessId, userId, role]);
}

export async function updateMemberRole(tx: EntityManager, businessId: string, userId: string, role: MemberRole): Promise<void> {
  await tx.query(`UPDATE business_members SET role = $3 WHERE business_id = $1 AND user_id = $2`, [businessId, userId, role]);
}

export async function deleteMember(tx: EntityManager, businessId: string, userId: string): Promise<void> {
  await tx.query(`DELETE FROM business_members WHERE business_id = $1 AND user_id = $2`, [businessId, userId]);
}
