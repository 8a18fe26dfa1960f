import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreatedInvitation, CurrentUser, InvitationPreview, InvitationView, LoginResponse } from '@nguon/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import type { RequestInfo } from '../auth/current-actor.decorator.js';
import { hashPassword } from '../auth/password.js';
import { selfActor, userOf, type Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { hashMailToken, newMailToken } from '../mail/mail-token.js';
import { Mailer, type MailMessage } from '../mail/mailer.js';
import type { InviteMemberDto } from './dto/invite-member.dto.js';
import type { InvitationSignUpDto, InvitationTokenDto } from './dto/invitation-token.dto.js';
import { invitationMail } from './invitation-mails.js';
import {
  findInvitation,
  findOpenInvitationByToken,
  insertInvitation,
  isMemberOrInvited,
  loadOpenInvitations,
  markEmailVerified,
  markInvitationAccepted,
  renewInvitation,
  revokeInvitation,
  type InvitationRow,
} from './invitations.queries.js';
import { insertMember, isMember } from './members.queries.js';
import { MembershipChanges } from './membership-changes.js';

/**
 * Joining a business proves the mailbox: an owner invites an email, the invitee gets a single-use,
 * expiring token by mail (the owner also sees the link once, to hand over), and only that token
 * makes a member. Only owners see, re-send and revoke invitations.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly changes: MembershipChanges,
    private readonly mailer: Mailer,
  ) {}

  async listInvitations(actor: Actor): Promise<InvitationView[]> {
    const rows = await loadOpenInvitations(this.db.manager, actor.businessId!);
    return rows.map(mapInvitation);
  }

  async invite(actor: Actor, dto: InviteMemberDto): Promise<CreatedInvitation> {
    const businessId = actor.businessId!;
    const email = dto.email.trim();
    return this.sendAfterCommit(async (tx) => {
      if (await isMemberOrInvited(tx, businessId, email)) throw new DomainError('ALREADY_MEMBER');
      const { hash, token } = newMailToken();
      const id = await insertInvitation(tx, { businessId, email, role: dto.role, invitedBy: userOf(actor).id, tokenHash: hash });
      await this.changes.record(tx, actor, businessId, { kind: 'invite', invitationId: id, email, role: dto.role });
      return this.withLink(tx, id, token);
    });
  }

  /** A new link (the old one stops working) with a new expiry, mailed again. */
  async resend(actor: Actor, invitationId: string): Promise<CreatedInvitation> {
    const businessId = actor.businessId!;
    return this.sendAfterCommit(async (tx) => {
      const { hash, token } = newMailToken();
      const invitation = await renewInvitation(tx, invitationId, businessId, hash);
      if (!invitation) throw new DomainError('INVITATION_NOT_FOUND');
      await this.changes.record(tx, actor, businessId, {
        kind: 'invite_resend',
        invitationId,
        email: invitation.email,
        role: invitation.role,
      });
      return this.withLink(tx, invitationId, token);
    });
  }

  async revoke(actor: Actor, invitationId: string): Promise<void> {
    const businessId = actor.businessId!;
    await this.db.transaction(async (tx) => {
      const invitation = await revokeInvitation(tx, invitationId, businessId);
      if (!invitation) throw new DomainError('INVITATION_NOT_FOUND');
      await this.changes.record(tx, actor, businessId, {
        kind: 'invite_revoke',
        invitationId,
        email: invitation.email,
        role: invitation.role,
      });
    });
  }

  /** What a link offers, for its holder to decide (the page shows it before accepting). */
  async preview(dto: InvitationTokenDto): Promise<InvitationPreview> {
    const invitation = await openInvitation(this.db.manager, dto.token, false);
    return {
      businessId: invitation.business_id,
      businessName: invitation.business_name,
      role: invitation.role,
      email: invitation.email,
      expiresAt: invitation.expires_at.toISOString(),
    };
  }

  /** The signed-in caller joins with the invitation's role; the token is used up. */
  async accept(actor: Actor, dto: InvitationTokenDto): Promise<CurrentUser> {
    const user = userOf(actor);
    await this.db.transaction(async (tx) => {
      const invitation = await openInvitation(tx, dto.token, true);
      // The token came by mail to the invited address: when it is the account's own, that proves it.
      if (invitation.email.toLowerCase() === user.email.toLowerCase()) {
        await markEmailVerified(tx, user.id);
      }
      await this.join(tx, { ...actor, businessId: invitation.business_id }, invitation, user.id, user.email);
    });
    return this.auth.me(actor);
  }

  /**
   * Signs up from an invitation: the account gets the invited address, confirmed by the token,
   * and joins at once. A taken address is told to sign in and accept instead (the token's holder
   * may learn that the address it was invited at has an account).
   */
  async signUp(dto: InvitationSignUpDto, info: RequestInfo): Promise<LoginResponse> {
    const passwordHash = await hashPassword(dto.password);
    return this.db.transaction(async (tx) => {
      const invitation = await openInvitation(tx, dto.token, true);
      const claim = await this.auth.claimAddress(tx, invitation.email, passwordHash, dto.displayName.trim(), new Date());
      if ('taken' in claim) throw new DomainError('EMAIL_TAKEN');
      await this.join(
        tx,
        { ...selfActor(claim.user, info, null), businessId: invitation.business_id },
        invitation,
        claim.user.id,
        claim.user.email,
      );
      return this.auth.startSession(tx, claim.user, info, claim.renewed ? 'user.register_again' : 'user.register', {
        invitationId: invitation.id,
      });
    });
  }

  private async join(tx: EntityManager, actor: Actor, invitation: InvitationRow, userId: string, email: string): Promise<void> {
    if (await isMember(tx, invitation.business_id, userId)) throw new DomainError('ALREADY_MEMBER');
    await insertMember(tx, invitation.business_id, userId, invitation.role);
    await markInvitationAccepted(tx, invitation.id, userId);
    await this.changes.record(tx, actor, invitation.business_id, {
      kind: 'join',
      invitationId: invitation.id,
      userId,
      email,
      invitedEmail: invitation.email,
      role: invitation.role,
    });
  }

  /** The stored invitation and its link, and the mail carrying the link, sent once the transaction has committed. */
  private async withLink(tx: EntityManager, id: string, token: string): Promise<CreatedInvitation & { mail: MailMessage }> {
    const row = await findInvitation(tx, id);
    const link = `${this.config.publicBaseUrl}/invitations/accept?token=${token}`;
    const mail = invitationMail(row!.email, { businessName: row!.business_name, role: row!.role, invitedBy: row!.invited_by_email, link });
    return { invitation: mapInvitation(row!), link, mail };
  }

  private async sendAfterCommit(
    work: (tx: EntityManager) => Promise<CreatedInvitation & { mail: MailMessage }>,
  ): Promise<CreatedInvitation> {
    const { mail, ...created } = await this.db.transaction(work);
    await this.mailer.send(mail);
    return created;
  }
}

/** The open, unexpired invitation a token names (locked when it is about to be used), or INVALID_TOKEN. */
async function openInvitation(db: EntityManager, token: string, lock: boolean): Promise<InvitationRow> {
  const row = await findOpenInvitationByToken(db, hashMailToken(token), lock);
  if (!row) throw new DomainError('INVALID_TOKEN');
  return row;
}

function mapInvitation(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedByEmail: row.invited_by_email,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    expired: row.expires_at.getTime() <= Date.now(),
  };
}
