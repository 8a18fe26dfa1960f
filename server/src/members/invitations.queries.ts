import type { MemberRole } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { INVITATION_TTL_DAYS } from './invitation-mails.js';

export interface InvitationRow {
  id: string;
  business_id: string;
  business_name: string;
  email: string;
  role: MemberRole;
  invited_by_email: string;
  created_at: Date;
  expires_at: Date;
}

/** Whom an open invitation was sent to, as a change of one reports it. */
export interface InviteeRow {
  email: string;
  role: MemberRole;
}

const SELECT_INVITATION = `
  SELECT i.id, i.business_id, b.legal_name AS business_name, i.email, i.role, u.email AS invited_by_email, i.created_at, i.expires_at
    FROM business_invitations i JOIN businesses b ON b.id = i.business_id JOIN users u ON u.id = i.invited_by`;
const OPEN = 'i.accepted_at IS NULL AND i.revoked_at IS NULL';
const TTL = `${INVITATION_TTL_DAYS} days`;

/** The business's open invitations, oldest first. */
export function loadOpenInvitations(db: EntityManager, businessId: string): Promise<InvitationRow[]> {
  return db.query(`${SELECT_INVITATION} WHERE i.business_id = $1 AND ${OPEN} ORDER BY i.created_at`, [businessId]);
}

export async function findInvitation(db: EntityManager, id: string): Promise<InvitationRow | null> {
  const [row]: InvitationRow[] = await db.query(`${SELECT_INVITATION} WHERE i.id = $1`, [id]);
  return row ?? null;
}

/** The open, unexpired invitation with this token hash (locked when it is about to be used). */
export async function findOpenInvitationByToken(db: EntityManager, tokenHash: string, lock: boolean): Promise<InvitationRow | null> {
  const [row]: InvitationRow[] = await db.query(
    `${SELECT_INVITATION} WHERE i.token_hash = $1 AND ${OPEN} AND i.expires_at > now() ${lock ? 'FOR UPDATE OF i' : ''}`,
    [tokenHash],
  );
  return row ?? null;
}

/** Whether the address is a member of the business or has an open invitation to it. */
export async function isMemberOrInvited(tx: EntityManager, businessId: string, email: string): Promise<boolean> {
  const [taken]: unknown[] = await tx.query(
    `SELECT 1 FROM business_members m JOIN users u ON u.id = m.user_id WHERE m.business_id = $1 AND lower(u.email) = lower($2)
     UNION ALL
     SELECT 1 FROM business_invitations i WHERE i.business_id = $1 AND lower(i.email) = lower($2) AND ${OPEN}`,
    [businessId, email],
  );
  return taken !== undefined;
}

/** Stores an invitation that expires after the invitation lifetime; returns its id. */
export async function insertInvitation(
  tx: EntityManager,
  invitation: { businessId: string; email: string; role: MemberRole; invitedBy: string; tokenHash: string },
): Promise<string> {
  const [inserted]: { id: string }[] = await tx.query(
    `INSERT INTO business_invitations (business_id, email, role, invited_by, token_hash, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + $6::interval) RETURNING id`,
    [invitation.businessId, invitation.email, invitation.role, invitation.invitedBy, invitation.tokenHash, TTL],
  );
  return inserted!.id;
}

/** Gives the business's open invitation a new token and lifetime; null when there is no such open invitation. */
export async function renewInvitation(
  tx: EntityManager,
  invitationId: string,
  businessId: string,
  tokenHash: string,
): Promise<InviteeRow | null> {
  const [updated]: [InviteeRow[], number] = await tx.query(
    `UPDATE business_invitations i SET token_hash = $3, expires_at = now() + $4::interval
      WHERE i.id = $1 AND i.business_id = $2 AND ${OPEN} RETURNING i.email, i.role`,
    [invitationId, businessId, tokenHash, TTL],
  );
  return updated[0] ?? null;
}

/** Revokes the business's open invitation; null when there is no such open invitation. */
export async function revokeInvitation(tx: EntityManager, invitationId: string, businessId: string): Promise<InviteeRow | null> {
  const [revoked]: [InviteeRow[], number] = await tx.query(
    `UPDATE business_invitations i SET revoked_at = now(), token_hash = NULL
      WHERE i.id = $1 AND i.business_id = $2 AND ${OPEN} RETURNING i.email, i.role`,
    [invitationId, businessId],
  );
  return revoked[0] ?? null;
}

export async function markInvitationAccepted(tx: EntityManager, invitationId: string, userId: string): Promise<void> {
  await tx.query(`UPDATE business_invitations SET accepted_at = now(), accepted_by = $2, token_hash = NULL WHERE id = $1`, [
    invitationId,
    userId,
  ]);
}

/** Marks the user's address proved, keeping the first proof. */
export async function markEmailVerified(tx: EntityManager, userId: string): Promise<void> {
  await tx.query(`UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1`, [userId]);
}
