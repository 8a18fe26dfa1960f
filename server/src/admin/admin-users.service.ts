import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, UserView } from '@nguon/shared';
import { DataSource, IsNull } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { hashPassword } from '../auth/password.js';
import { userOf, type Actor } from '../auth/principal.js';
import { SessionEntity } from '../auth/session.entity.js';
import { UserEntity } from '../auth/user.entity.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { toPage } from '../common/pagination/page-query.dto.js';
import { escapeLike } from '../common/sql/escape-like.js';
import type { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/admin-users.dto.js';

function mapUser(u: UserEntity): UserView {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** The administrator's view of accounts: roles (inspectors above all) and disabling. */
@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async listUsers(query: ListUsersQuery): Promise<Page<UserView>> {
    const qb = this.db.getRepository(UserEntity).createQueryBuilder('u');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.q) {
      qb.andWhere('(lower(u.email) LIKE lower(:q) OR nguon_fold(u.display_name) LIKE nguon_fold(:q))', {
        q: `%${escapeLike(query.q.trim())}%`,
      });
    }
    const [rows, total] = await qb.orderBy('u.created_at', 'DESC').skip(query.offset).take(query.limit).getManyAndCount();
    return toPage(rows, total, query, mapUser);
  }

  /** An account made by the administrator, for inspectors above all; they change the password. */
  async createUser(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (tx) => {
      const user = await tx.getRepository(UserEntity).save(
        tx.getRepository(UserEntity).create({
          // The administrator vouches for the address of an account they make.
          email: dto.email.trim(),
          displayName: dto.displayName.trim(),
          passwordHash,
          role: dto.role,
          disabledAt: null,
          emailVerifiedAt: new Date(),
        }),
      );
      await this.audit.record(tx, actor, {
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        details: { email: user.email, role: user.role },
      });
      return mapUser(user);
    });
  }

  /** Changes a role or disables an account (which ends its sign-ins); never one's own. */
  async updateUser(actor: Actor, userId: string, dto: UpdateUserDto): Promise<UserView> {
    if (userId === userOf(actor).id) {
      throw new DomainError('FORBIDDEN', RULE_MESSAGES.admin.ownAccount);
    }
    return this.db.transaction(async (tx) => {
      const user = await tx.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new DomainError('USER_NOT_FOUND');
      const before = { role: user.role, disabled: user.disabledAt !== null };
      if (dto.role) user.role = dto.role;
      if (dto.disabled !== undefined) user.disabledAt = dto.disabled ? (user.disabledAt ?? new Date()) : null;
      await tx.getRepository(UserEntity).save(user);
      if (dto.disabled) await tx.getRepository(SessionEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record(tx, actor, {
        action: 'user.update',
        targetType: 'user',
        targetId: userId,
        details: { before, after: { role: user.role, disabled: user.disabledAt !== null } },
      });
      return mapUser(user);
    });
  }
}
