import { Injectable } from '@nestjs/common';
import type { LocalizedText, MemberRole } from '@nguon/shared';
import type { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import { userOf, type Actor } from '../auth/principal.js';
import { NotificationsService } from '../notifications/notifications.service.js';

/** A change to who works for a business; `kind` names the audit action `member.<kind>`. */
export type MembershipChange =
  | { kind: 'invite' | 'invite_resend' | 'invite_revoke'; invitationId: string; email: string; role: MemberRole }
  | { kind: 'join'; invitationId: string; userId: string; email: string; invitedEmail: string; role: MemberRole }
  | { kind: 'role_change'; userId: string; email: string; from: MemberRole; to: MemberRole }
  | { kind: 'remove' | 'leave'; userId: string; email: string; role: MemberRole };

const ROLE: Record<MemberRole, LocalizedText> = { owner: { vi: 'chủ sở hữu', en: 'owner' }, staff: { vi: 'nhân viên', en: 'staff' } };

function describe(change: MembershipChange, by: string): LocalizedText {
  switch (change.kind) {
    case 'invite':
      return {
        vi: `${by} đã mời ${change.email} làm ${ROLE[change.role].vi}.`,
        en: `${by} invited ${change.email} as ${ROLE[change.role].en}.`,
      };
    case 'invite_resend':
      return { vi: `${by} đã gửi lại lời mời cho ${change.email}.`, en: `${by} sent the invitation to ${change.email} again.` };
    case 'invite_revoke':
      return { vi: `${by} đã thu hồi lời mời gửi ${change.email}.`, en: `${by} revoked the invitation to ${change.email}.` };
    case 'join':
      return {
        vi: `${change.email} đã nhận lời mời (gửi ${change.invitedEmail}) và tham gia với vai trò ${ROLE[change.role].vi}.`,
        en: `${change.email} accepted the invitation (sent to ${change.invitedEmail}) and joined as ${ROLE[change.role].en}.`,
      };
    case 'role_change':
      return {
        vi: `${by} đã đổi vai trò của ${change.email} từ ${ROLE[change.from].vi} thành ${ROLE[change.to].vi}.`,
        en: `${by} changed the role of ${change.email} from ${ROLE[change.from].en} to ${ROLE[change.to].en}.`,
      };
    case 'remove':
      return {
        vi: `${by} đã đưa ${change.email} (${ROLE[change.role].vi}) ra khỏi doanh nghiệp.`,
        en: `${by} removed ${change.email} (${ROLE[change.role].en}) from the business.`,
      };
    case 'leave':
      return {
        vi: `${change.email} (${ROLE[change.role].vi}) đã rời doanh nghiệp.`,
        en: `${change.email} (${ROLE[change.role].en}) left the business.`,
      };
  }
}

/**
 * Every membership change is written twice in the transaction that makes it: an audit entry, and
 * a notice to the business's owners other than the one who made it.
 */
@Injectable()
export class MembershipChanges {
  constructor(
    private readonly audit: AuditTrail,
    private readonly notifications: NotificationsService,
  ) {}

  async record(tx: EntityManager, actor: Actor, businessId: string, change: MembershipChange): Promise<void> {
    const { kind, ...details } = change;
    const user = userOf(actor);
    await this.audit.record(tx, actor, {
      action: `member.${kind}`,
      targetType: 'invitationId' in change && kind !== 'join' ? 'invitation' : 'user',
      targetId: 'invitationId' in change && kind !== 'join' ? change.invitationId : change.userId,
      businessId,
      details,
    });
    await this.notifications.notify(tx, [
      {
        businessId,
        kind: 'membership',
        title: { vi: 'Thay đổi thành viên', en: 'Membership change' },
        body: describe(change, user.email),
        batchId: null,
        recallId: null,
        forRole: 'owner',
        notForUser: user.id,
      },
    ]);
  }
}
