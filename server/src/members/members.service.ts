import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MemberRole, MemberView } from '@nguon/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { userOf, type Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { ChangeMemberRoleDto } from './dto/change-member-role.dto.js';
import { MembershipChanges } from './membership-changes.js';

interface MemberRow {
  user_id: string;
  email: string;
  display_name: string;
  role: MemberRole;
  since: Date;
}

/** Who works for a business: everyone sees the members; owners change roles and remove; anyone may leave. */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: MembershipChanges,
  ) {}

  async listMembers(actor: Actor): Promise<MemberView[]> {
    const rows: MemberRow[] = await this.db.query(
      `SELECT u.id AS user_id, u.email, u.display_name, m.role, m.created_at AS since
         FROM business_members m JOIN users u ON u.id = m.user_id WHERE m.business_id = $1 ORDER BY m.created_at`,
      [actor.businessId],
    );
    return rows.map(mapMember);
  }

  async changeRole(actor: Actor, email: string, dto: ChangeMemberRoleDto): Promise<MemberView> {
    const businessId = actor.businessId!;
    return this.db.transaction(async (tx) => {
      const members = await lockMembers(tx, businessId);
      const member = findMember(members, email);
      if (member.role !== dto.role) {
        refuseLosingLastOwner(members, member);
        await tx.query(`UPDATE business_members SET role = $3 WHERE business_id = $1 AND user_id = $2`, [
          businessId,
          member.user_id,
          dto.role,
        ]);
        await this.changes.record(tx, actor, businessId, {
          kind: 'role_change',
          userId: member.user_id,
          email: member.email,
          from: member.role,
          to: dto.role,
        });
      }
      return mapMember({ ...member, role: dto.role });
    });
  }

  async removeMember(actor: Actor, email: string): Promise<void> {
    await this.leaveOrRemove(actor, email);
  }

  /** The caller leaves the business (an owner only while another owner remains). */
  async leave(actor: Actor): Promise<void> {
    await this.leaveOrRemove(actor, userOf(actor).email);
  }

  private async leaveOrRemove(actor: Actor, email: string): Promise<void> {
    const businessId = actor.businessId!;
    await this.db.transaction(async (tx) => {
      const members = await lockMembers(tx, businessId);
      const member = findMember(members, email);
      refuseLosingLastOwner(members, member);
      await tx.query(`DELETE FROM business_members WHERE business_id = $1 AND user_id = $2`, [businessId, member.user_id]);
      const kind = member.user_id === userOf(actor).id ? 'leave' : 'remove';
      await this.changes.record(tx, actor, businessId, { kind, userId: member.user_id, email: member.email, role: member.role });
    });
  }
}

/**
 * The business's memberships, locked until the transaction ends: two owners removing or demoting
 * each other at once are taken one after the other, and the second sees the first's change.
 */
async function lockMembers(tx: EntityManager, businessId: string): Promise<MemberRow[]> {
  // Locking the business row serialises even changes that touch different member rows.
  await tx.query(`SELECT 1 FROM businesses WHERE id = $1 FOR UPDATE`, [businessId]);
  return tx.query(
    `SELECT m.user_id, u.email, u.display_name, m.role, m.created_at AS since
       FROM business_members m JOIN users u ON u.id = m.user_id
      WHERE m.business_id = $1 ORDER BY m.user_id FOR UPDATE OF m`,
    [businessId],
  );
}

function findMember(members: MemberRow[], email: string): MemberRow {
  const member = members.find((m) => m.email.toLowerCase() === email.trim().toLowerCase());
  if (!member) throw new DomainError('MEMBER_NOT_FOUND');
  return member;
}

function refuseLosingLastOwner(members: MemberRow[], member: MemberRow): void {
  if (member.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1) throw new DomainError('LAST_OWNER');
}

function mapMember(row: MemberRow): MemberView {
  return {
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    userId: row.user_id,
    status: 'active',
    since: row.since.toISOString(),
  };
}
