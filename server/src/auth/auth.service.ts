import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, LoginResponse, SignUpAccepted } from '@nguon/shared';
import { DataSource, IsNull, Not, Repository, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { hashMailToken, newMailToken } from '../mail/mail-token.js';
import type { MailMessage } from '../mail/mailer.js';
import { Mailer } from '../mail/mailer.js';
import { AccountAudit } from './account-audit.js';
import { signUpAttemptMail, VERIFICATION_TTL_HOURS, verificationMail } from './account-mails.js';
import {
  findResendWait,
  hasMemberships,
  insertEmailVerification,
  loadMemberships,
  useEmailVerification,
  useUpEmailVerifications,
} from './accounts.queries.js';
import type { RequestInfo } from './current-actor.decorator.js';
import type { ChangePasswordDto, LoginDto, RegisterDto, VerifyEmailDto } from './dto/login.dto.js';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './password.js';
import { selfActor, userOf, type Actor } from './principal.js';
import { SessionEntity } from './session.entity.js';
import { SignInBackoff } from './sign-in-backoff.js';
import { TokenService } from './token.service.js';
import { UserEntity } from './user.entity.js';

/** How soon another confirmation mail may be asked for. */
const RESEND_INTERVAL = '60 seconds';

/** Signing up, in and out, and the caller's own account. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly audit: AccountAudit,
    private readonly backoff: SignInBackoff,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Gives the address to a new sign-up: a new account, or the account of an earlier sign-up that
   * was never confirmed and belongs to nothing (its sign-ins and links end). A confirmed address,
   * or one already in a business, is taken. `verifiedAt`: when a mailed token proved the address.
   */
  async claimAddress(
    tx: EntityManager,
    email: string,
    passwordHash: string,
    displayName: string,
    verifiedAt: Date | null,
  ): Promise<{ user: UserEntity; renewed: boolean } | { taken: UserEntity }> {
    const users = tx.getRepository(UserEntity);
    const existing = await users
      .createQueryBuilder('u')
      .setLock('pessimistic_write')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    if (!existing) {
      return {
        user: await users.save(users.create({ email, passwordHash, displayName, role: 'member', emailVerifiedAt: verifiedAt })),
        renewed: false,
      };
    }
    if (existing.emailVerifiedAt || existing.role !== 'member' || existing.disabledAt || (await hasMemberships(tx, existing.id)))
      return { taken: existing };
    await tx.getRepository(SessionEntity).update({ userId: existing.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    await useUpEmailVerifications(tx, existing.id);
    return { user: await users.save({ ...existing, passwordHash, displayName, emailVerifiedAt: verifiedAt }), renewed: true };
  }

  /** A fresh confirmation token for the user, stored (hashed) before the mail carrying it is sent. */
  private async verificationFor(tx: EntityManager, user: UserEntity): Promise<MailMessage> {
    const { token, hash } = newMailToken();
    await insertEmailVerification(tx, user.id, hash, `${VERIFICATION_TTL_HOURS} hours`);
    return verificationMail(user.email, user.displayName, `${this.config.publicBaseUrl}/verify-email?token=${token}`);
  }

  /**
   * Sign-up answers the same for a new and a taken address; the difference goes by mail only.
   * A new address gets an unconfirmed account and a confirmation link. An address whose account
   * was never confirmed (and so belongs to nothing) is taken over by this newer sign-up, since
   * only the mailbox's owner can confirm it. A confirmed address's owner is told of the attempt.
   */
  async register(dto: RegisterDto, info: RequestInfo): Promise<SignUpAccepted> {
    // Hashed whatever happens, so a taken address costs the same time as a new one.
    const passwordHash = await hashPassword(dto.password);
    const email = dto.email.trim();
    const displayName = dto.displayName.trim();
    const mail = await this.db.transaction(async (tx) => {
      const claim = await this.claimAddress(tx, email, passwordHash, displayName, null);
      if ('taken' in claim) {
        // Nobody is signed in, and the account's owner did not do this: no actor, only the target.
        await this.audit.record(tx, null, {
          action: 'user.register_attempt',
          targetType: 'user',
          targetId: claim.taken.id,
          details: { clientAddress: info.clientAddress },
        });
        return signUpAttemptMail(claim.taken.email, `${this.config.publicBaseUrl}/login`);
      }
      await this.audit.record(tx, selfActor(claim.user, info, null), {
        action: claim.renewed ? 'user.register_again' : 'user.register',
        targetType: 'user',
        targetId: claim.user.id,
      });
      return this.verificationFor(tx, claim.user);
    });
    await this.mailer.send(mail);
    return { status: 'check_mail' };
  }

  /** Confirms the address a mailed link was sent to, and signs that account in. */
  async verifyEmail(dto: VerifyEmailDto, info: RequestInfo): Promise<LoginResponse> {
    return this.db.transaction(async (tx) => {
      const userId = await useEmailVerification(tx, hashMailToken(dto.token));
      if (!userId) throw new DomainError('INVALID_TOKEN');
      const user = await tx.getRepository(UserEntity).findOneByOrFail({ id: userId });
      if (user.disabledAt) throw new DomainError('ACCOUNT_DISABLED');
      user.emailVerifiedAt ??= new Date();
      await tx.getRepository(UserEntity).update({ id: user.id }, { emailVerifiedAt: user.emailVerifiedAt });
      return this.startSession(tx, user, info, 'user.verify_email');
    });
  }

  /** Mails a new confirmation link (the older ones stop working); at most one a minute. */
  async resendVerification(actor: Actor): Promise<void> {
    const mail = await this.db.transaction(async (tx) => {
      const user = await tx
        .getRepository(UserEntity)
        .findOneOrFail({ where: { id: userOf(actor).id }, lock: { mode: 'pessimistic_write' } });
      if (user.emailVerifiedAt) throw new DomainError('EMAIL_ALREADY_VERIFIED');
      const wait = await findResendWait(tx, user.id, RESEND_INTERVAL);
      if (wait !== null) throw new DomainError('RATE_LIMITED', undefined, undefined, Math.max(1, wait));
      await useUpEmailVerifications(tx, user.id);
      await this.audit.record(tx, actor, { action: 'user.verification_resend', targetType: 'user', targetId: user.id });
      return this.verificationFor(tx, user);
    });
    await this.mailer.send(mail);
  }

  async login(dto: LoginDto, info: RequestInfo): Promise<LoginResponse> {
    const wait = await this.backoff.waitFor(dto.email);
    if (wait) throw new DomainError('SIGN_IN_LOCKED', undefined, undefined, wait);
    const user = await this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email: dto.email.trim() }).getOne();
    // Same answer and time for an unknown email and a wrong password: accounts cannot be probed.
    const valid = user ? await verifyPassword(user.passwordHash, dto.password) : await verifyAgainstNothing(dto.password);
    if (!user || !valid) {
      await this.backoff.fail(dto.email);
      throw new DomainError('INVALID_CREDENTIALS');
    }
    await this.backoff.succeed(dto.email);
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
    const user = await this.users.findOneByOrFail({ id: principal.id });
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw new DomainError('WRONG_PASSWORD', undefined, {
        currentPassword: [RULE_MESSAGES.auth.wrongCurrentPassword],
      });
    }
    const passwordHash = await hashPassword(dto.newPassword);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(UserEntity).update({ id: user.id }, { passwordHash });
      await tx
        .getRepository(SessionEntity)
        .update({ userId: user.id, id: Not(principal.sessionId), revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record(tx, actor, { action: 'user.password_change', targetType: 'user', targetId: user.id });
    });
  }

  async me(actor: Actor): Promise<CurrentUser> {
    const user = await this.users.findOneByOrFail({ id: userOf(actor).id });
    return this.currentUser(this.db.manager, user);
  }

  /** Starts a sign-in inside the caller's transaction (sign-in, a confirmed address, an invitation sign-up). */
  async startSession(
    tx: EntityManager,
    user: UserEntity,
    info: RequestInfo,
    action: string,
    details?: Record<string, unknown>,
  ): Promise<LoginResponse> {
    const expiresAt = new Date(Date.now() + this.tokens.ttlMs);
    const session = await tx
      .getRepository(SessionEntity)
      .save(tx.getRepository(SessionEntity).create({ userId: user.id, expiresAt, revokedAt: null }));
    const current = await this.currentUser(tx, user);
    const actor = selfActor(user, info, session.id);
    await this.audit.record(tx, actor, { action, targetType: 'user', targetId: user.id, details });
    return {
      accessToken: this.tokens.issue(session.id, user.id, expiresAt),
      tokenType: 'Bearer',
      expiresAt: expiresAt.toISOString(),
      user: current,
    };
  }

  async currentUser(db: EntityManager, user: UserEntity): Promise<CurrentUser> {
    const memberships = await loadMemberships(db, user.id);
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      emailVerified: user.emailVerifiedAt !== null,
      memberships: memberships.map((m) => ({
        businessId: m.business_id,
        businessName: m.business_name,
        businessStatus: m.business_status,
        role: m.role,
      })),
    };
  }
}
