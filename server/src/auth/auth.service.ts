import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser, LoginResponse, MemberRole } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import type { AuthUser } from './auth-user.js';
import type { LoginDto } from './dto/login.dto.js';
import { verifyAgainstNothing, verifyPassword } from './password.js';
import { TokenService } from './token.service.js';
import { UserEntity } from './user.entity.js';

interface MembershipRow {
  business_id: string;
  business_name: string;
  role: MemberRole;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async login(dto: LoginDto): Promise<LoginResponse> {
    const user = await this.db.getRepository(UserEntity)
      .createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: dto.email }).getOne();
    // Same answer for an unknown email and a wrong password, so accounts cannot be discovered.
    const valid = user ? await verifyPassword(user.passwordHash, dto.password) : await verifyAgainstNothing(dto.password);
    if (!user || !valid) throw new DomainError('INVALID_CREDENTIALS');
    const { token, expiresAt } = this.tokens.issue(user.id);
    return { accessToken: token, tokenType: 'Bearer', expiresAt: expiresAt.toISOString(), user: await this.currentUser(user) };
  }

  async me(user: AuthUser): Promise<CurrentUser> {
    const entity = await this.db.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    return this.currentUser(entity);
  }

  /** The user a bearer token stands for, with memberships, or null. */
  async userForToken(token: string): Promise<AuthUser | null> {
    const userId = this.tokens.verify(token);
    if (!userId) return null;
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) return null;
    const memberships = await this.memberships(user.id);
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      memberships: new Map(memberships.map((m) => [m.business_id, m.role])),
    };
  }

  private async currentUser(user: UserEntity): Promise<CurrentUser> {
    const memberships = await this.memberships(user.id);
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      memberships: memberships.map((m) => ({ businessId: m.business_id, businessName: m.business_name, role: m.role })),
    };
  }

  private memberships(userId: string): Promise<MembershipRow[]> {
    return this.db.query(
      `SELECT m.business_id, b.legal_name AS business_name, m.role
         FROM business_members m JOIN businesses b ON b.id = m.business_id
        WHERE m.user_id = $1 ORDER BY b.legal_name`,
      [userId],
    );
  }
}
