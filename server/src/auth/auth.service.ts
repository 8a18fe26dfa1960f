import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BusinessStatus, CurrentUser, LoginResponse, MemberRole } from '@nguon/shared';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { DomainError } from '../common/errors/domain-error.js';
import { BusinessInvitationEntity } from './business-invitation.entity.js';
import { BusinessMemberEntity } from './business-member.entity.js';
import type { RequestInfo } from './current-actor.decorator.js';
import type { ChangePasswordDto, LoginDto, RegisterDto } from './dto/login.dto.js';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './password.js';
import { userOf, type Actor } from './principal.js';
import { SessionEntity } from './session.entity.js';
import { TokenService } from './token.service.js';
import { UserEntity } from './user.entity.js';

interface MembershipRow {
  business_id: string;
  business_name: string;
  business_status: BusinessStatus;
  role: MemberRole;
}

/** Signing up, in and out, and the caller's own account. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly audit: AuditTrail,
  ) {}

  /** A new member account; invitations waiting for this email make it a member at once. */
  async register(dto: RegisterDto, info: RequestInfo): Promise<LoginResponse> {
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (tx) => {
      const user = await tx.getRepository(UserEntity).save(tx.getRepository(UserEntity).create({
        email: dto.email.trim(), passwordHash, displayName: dto.displayName.trim(), role: 'member',
      }));
      const { raw } = await tx.getRepository(BusinessInvitationEntity).createQueryBuilder().update()
        .set({ acceptedAt: () => 'now()' })
        .where('lower(email) = lower(:email) AND accepted_at IS NULL AND revoked_at IS NULL', { email: user.email })
        .returning(['businessId', 'role']) // property paths; the rows carry the column names
        .execute();
      const accepted = raw as { business_id: string; role: MemberRole }[];
      if (accepted.length) {
        await tx.getRepository(BusinessMemberEntity).insert(accepted.map((a) => ({ businessId: a.business_id, userId: user.id, role: a.role })));
      }
      return this.startSession(tx, user, info, 'user.register', { joined: accepted.map((a) => a.business_id) });
    });
  }

  async login(dto: LoginDto, info: RequestInfo): Promise<LoginResponse> {
    const user = await this.db.getRepository(UserEntity)
      .createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: dto.email }).getOne();
    // Same answer and time for an unknown email and a wrong password: accounts cannot be probed.
    const valid = user ? await verifyPassword(user.passwordHash, dto.password) : await verifyAgainstNothing(dto.password);
    if (!user || !valid) throw new DomainError('INVALID_CREDENTIALS');
    if (user.disabledAt) throw new DomainError('ACCOUNT_DISABLED');
    return this.db.transaction((tx) => this.startSession(tx, user, info, 'user.login'));
  }

  /** Ends the sign-in the request was made with. */
  async logout(actor: Actor): Promise<void> {
    const user = userOf(actor);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(SessionEntity).update({ id: user.sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record(tx, actor, { action: 'user.logout', targetType: 'user', targetId: user.id });
    });
  }

  /** Changes the password and ends every other sign-in of the account. */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    const principal = userOf(actor);
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ id: principal.id });
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw new DomainError('WRONG_PASSWORD', undefined, { currentPassword: [{ vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' }] });
    }
    const passwordHash = await hashPassword(dto.newPassword);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(UserEntity).update({ id: user.id }, { passwordHash });
      await tx.getRepository(SessionEntity).update(
        { userId: user.id, id: Not(principal.sessionId), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      await this.audit.record(tx, actor, { action: 'user.password_change', targetType: 'user', targetId: user.id });
    });
  }

  async me(actor: Actor): Promise<CurrentUser> {
    const user = await this.db.getRepository(UserEntity).findOneByOrFail({ id: userOf(actor).id });
    return this.currentUser(this.db.manager, user);
  }

  private async startSession(tx: EntityManager, user: UserEntity, info: RequestInfo, action: string, details?: Record<string, unknown>): Promise<LoginResponse> {
    const expiresAt = new Date(Date.now() + this.tokens.ttlMs);
    const session = await tx.getRepository(SessionEntity).save(tx.getRepository(SessionEntity).create({ userId: user.id, expiresAt, revokedAt: null }));
    const current = await this.currentUser(tx, user);
    const actor: Actor = {
      principal: { kind: 'user', id: user.id, email: user.email, displayName: user.displayName, role: user.role, memberships: new Map(), sessionId: session.id },
      businessId: null,
      ...info,
    };
    await this.audit.record(tx, actor, { action, targetType: 'user', targetId: user.id, details });
    return { accessToken: this.tokens.issue(session.id, user.id, expiresAt), tokenType: 'Bearer', expiresAt: expiresAt.toISOString(), user: current };
  }

  private async currentUser(db: EntityManager, user: UserEntity): Promise<CurrentUser> {
    const memberships: MembershipRow[] = await db.query(
      `SELECT m.business_id, b.legal_name AS business_name, b.status AS business_status, m.role
         FROM business_members m JOIN businesses b ON b.id = m.business_id
        WHERE m.user_id = $1 ORDER BY b.legal_name`,
      [user.id],
    );
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      memberships: memberships.map((m) => ({ businessId: m.business_id, businessName: m.business_name, businessStatus: m.business_status, role: m.role })),
    };
  }
}
