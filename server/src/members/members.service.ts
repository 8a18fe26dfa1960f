import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MemberView } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { userOf, type Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { ChangeMemberRoleDto } from './dto/change-member-role.dto.js';
import { deleteMember, loadMembers, lockMembers, updateMemberRole, type MemberRow } from './members.queries.js';
import { MembershipChanges } from './membership-changes.js';

/** Who works for a business: everyone sees the members; owners change roles and remove; anyone may leave. */
@Injectable()
export class MembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: MembershipChanges,
  ) {}

  async listMembers(actor: Actor): Promise<MemberView[]> {
    const rows = await loadMembers(this.db.manager, actor.businessId!);
    return rows.map(mapMember);
  }

  async changeRole(actor: Actor, email: string, dto: ChangeMemberRoleDto): Promise<MemberView> {
    const businessId = actor.businessId!;
    return this.db.transaction(async (tx) => {
      const members = await lockMembers(tx, businessId);
      const member = findMember(members, email);
      if (member.role !== dto.role) {
        refuseLosingLastOwner(members, member);
        await updateMemberRole(tx, businessId, member.user_id, dto.role);
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
      await deleteMember(tx, businessId, member.user_id);
      const kind = member.user_id === userOf(actor).id ? 'leave' : 'remove';
      await this.changes.record(tx, actor, businessId, { kind, userId: member.user_id, email: member.email, role: member.role });
    });
  }
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
