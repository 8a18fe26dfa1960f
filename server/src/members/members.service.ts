import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MemberRole, MemberView } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { BusinessMemberEntity } from '../auth/business-member.entity.js';
import { userOf, type Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { BusinessInvitationEntity } from '../auth/business-invitation.entity.js';
import type { InviteMemberDto } from './dto/invite-member.dto.js';

interface MemberRow {
  email: string;
  display_name: string | null;
  role: MemberRole;
  user_id: string | null;
  status: 'active' | 'invited';
  since: Date;
}

/** Who works for a business: owners add staff (or owners) by email and remove them. */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async listMembers(actor: Actor): Promise<MemberView[]> {
    const rows: MemberRow[] = await this.db.query(
      `SELECT u.email, u.display_name, m.role, u.id AS user_id, 'active' AS status, m.created_at AS since
         FROM business_members m JOIN users u ON u.id = m.user_id WHERE m.business_id = $1
       UNION ALL
       SELECT i.email, NULL, i.role, NULL, 'invited', i.created_at
         FROM business_invitations i WHERE i.business_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL
       ORDER BY status, since`,
      [actor.businessId],
    );
    return rows.map(mapMember);
  }

  /** Adds a registered user at once; otherwise keeps an invitation for when that email signs up. */
  async inviteMember(actor: Actor, dto: InviteMemberDto): Promise<MemberView> {
    const businessId = actor.businessId!;
    const email = dto.email.trim();
    return this.db.transaction(async (tx) => {
      const [user]: { id: string; email: string; display_name: string }[] = await tx.query(
        `SELECT id, email, display_name FROM users WHERE lower(email) = lower($1)`, [email]);
      const [taken] = await tx.query(
        `SELECT 1 FROM business_members m JOIN users u ON u.id = m.user_id WHERE m.business_id = $1 AND lower(u.email) = lower($2)
         UNION ALL
         SELECT 1 FROM business_invitations WHERE business_id = $1 AND lower(email) = lower($2) AND accepted_at IS NULL AND revoked_at IS NULL`,
        [businessId, email]);
      if (taken) throw new DomainError('ALREADY_MEMBER');
      await this.audit.record(tx, actor, { action: user ? 'member.add' : 'member.invite', targetType: 'user', targetId: user?.id ?? null, details: { email, role: dto.role } });
      if (user) {
        const saved = await tx.getRepository(BusinessMemberEntity).save({ businessId, userId: user.id, role: dto.role });
        return { email: user.email, displayName: user.display_name, role: dto.role, userId: user.id, status: 'active' as const, since: saved.createdAt.toISOString() };
      }
      const invitation = await tx.getRepository(BusinessInvitationEntity).save({ businessId, email, role: dto.role, invitedBy: userOf(actor).id });
      return { email, displayName: null, role: dto.role, userId: null, status: 'invited' as const, since: invitation.createdAt.toISOString() };
    });
  }

  /** Removes a member or withdraws an invitation; the last owner stays. */
  async removeMember(actor: Actor, email: string): Promise<void> {
    const businessId = actor.businessId!;
    await this.db.transaction(async (tx) => {
      // Lock the business's memberships so two owners cannot remove each other at once.
      const members: { user_id: string; email: string; role: MemberRole }[] = await tx.query(
        `SELECT m.user_id, u.email, m.role FROM business_members m JOIN users u ON u.id = m.user_id
          WHERE m.business_id = $1 ORDER BY m.user_id FOR UPDATE OF m`, [businessId]);
      const member = members.find((m) => m.email.toLowerCase() === email.toLowerCase());
      if (member) {
        if (member.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1) throw new DomainError('LAST_OWNER');
        await tx.query(`DELETE FROM business_members WHERE business_id = $1 AND user_id = $2`, [businessId, member.user_id]);
        await this.audit.record(tx, actor, { action: 'member.remove', targetType: 'user', targetId: member.user_id, details: { email: member.email } });
        return;
      }
      const withdrawn = await tx.getRepository(BusinessInvitationEntity).createQueryBuilder().update()
        .set({ revokedAt: () => 'now()' })
        .where('business_id = :businessId AND lower(email) = lower(:email) AND accepted_at IS NULL AND revoked_at IS NULL', { businessId, email })
        .execute();
      if (!withdrawn.affected) throw new DomainError('MEMBER_NOT_FOUND');
      await this.audit.record(tx, actor, { action: 'member.uninvite', targetType: 'invitation', targetId: null, details: { email } });
    });
  }
}

function mapMember(row: MemberRow): MemberView {
  return { email: row.email, displayName: row.display_name, role: row.role, userId: row.user_id, status: row.status, since: row.since.toISOString() };
}
