import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, UserView } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { hashPassword } from '../auth/password.js';
import { userOf, type Actor } from '../auth/principal.js';
import { UsersService } from '../auth/users.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/admin-users.dto.js';

/** The administrator's view of accounts: roles (inspectors above all) and disabling. */
@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditTrail,
  ) {}

  listUsers(query: ListUsersQuery): Promise<Page<UserView>> {
    return this.users.listUsers(query);
  }

  /** An account made by the administrator, for inspectors above all; they change the password. */
  async createUser(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (tx) => {
      const user = await this.users.createUser(tx, {
        // The administrator vouches for the address of an account they make.
        email: dto.email.trim(),
        displayName: dto.displayName.trim(),
        passwordHash,
        role: dto.role,
      });
      await this.audit.record(tx, actor, {
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        details: { email: user.email, role: user.role },
      });
      return user;
    });
  }

  /** Changes a role or disables an account (which ends its sign-ins); never one's own. */
  async updateUser(actor: Actor, userId: string, dto: UpdateUserDto): Promise<UserView> {
    if (userId === userOf(actor).id) {
      throw new DomainError('FORBIDDEN', RULE_MESSAGES.admin.ownAccount);
    }
    return this.db.transaction(async (tx) => {
      const { before, after } = await this.users.updateUser(tx, userId, dto);
      await this.audit.record(tx, actor, {
        action: 'user.update',
        targetType: 'user',
        targetId: userId,
        details: { before: { role: before.role, disabled: before.disabled }, after: { role: after.role, disabled: after.disabled } },
      });
      return after;
    });
  }
}
