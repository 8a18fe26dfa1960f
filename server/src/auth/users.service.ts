import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Page, UserRole, UserView } from '@nguon/shared';
import { IsNull, Repository, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { toPage, type PageQueryDto } from '../common/pagination/page-query.dto.js';
import { escapeLike } from '../common/sql/escape-like.js';
import { SessionEntity } from './session.entity.js';
import { UserEntity } from './user.entity.js';

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

/** Accounts as an administrator manages them; admin/ decides who may, and records it in the trail. */
@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Newest first, by role and by a text in the address or the name. */
  async listUsers(query: PageQueryDto & { role?: UserRole; q?: string }): Promise<Page<UserView>> {
    const qb = this.users.createQueryBuilder('u');
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.q) {
      qb.andWhere('(lower(u.email) LIKE lower(:q) OR nguon_fold(u.display_name) LIKE nguon_fold(:q))', {
        q: `%${escapeLike(query.q.trim())}%`,
      });
    }
    const [rows, total] = await qb.orderBy('u.created_at', 'DESC').skip(query.offset).take(query.limit).getManyAndCount();
    return toPage(rows, total, query, mapUser);
  }

  /** An account whose address its maker vouches for, in the caller's transaction. */
  async createUser(
    tx: EntityManager,
    fields: { email: string; displayName: string; passwordHash: string; role: UserRole },
  ): Promise<UserView> {
    const user = await tx
      .getRepository(UserEntity)
      .save(tx.getRepository(UserEntity).create({ ...fields, disabledAt: null, emailVerifiedAt: new Date() }));
    return mapUser(user);
  }

  /** Changes the account's role or disables it (which ends its sign-ins), in the caller's transaction. */
  async updateUser(
    tx: EntityManager,
    userId: string,
    change: { role?: UserRole; disabled?: boolean },
  ): Promise<{ before: UserView; after: UserView }> {
    const user = await tx.getRepository(UserEntity).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new DomainError('USER_NOT_FOUND');
    const before = mapUser(user);
    if (change.role) user.role = change.role;
    if (change.disabled !== undefined) user.disabledAt = change.disabled ? (user.disabledAt ?? new Date()) : null;
    await tx.getRepository(UserEntity).save(user);
    if (change.disabled) await tx.getRepository(SessionEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return { before, after: mapUser(user) };
  }
}
