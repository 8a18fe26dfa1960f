import type { MemberRole } from '@nguon/shared';
import { composeMail } from '../mail/compose-mail.js';
import type { MailMessage } from '../mail/mailer.js';

/** Days an invitation link stays valid. */
export const INVITATION_TTL_DAYS = 7;

export function invitationMail(
  to: string,
  invitation: { businessName: string; role: MemberRole; invitedBy: string; link: string },
): MailMessage {
  const role = invitation.role === 'owner' ? { vi: 'chủ sở hữu', en: 'an owner' } : { vi: 'nhân viên', en: 'staff' };
  return composeMail(to, {
    subject: { vi: `Lời mời tham gia ${invitation.businessName} trên Nguồn`, en: `Invitation to join ${invitation.businessName} on Nguồn` },
    paragraphs: {
      vi: [
        `${invitation.invitedBy} mời bạn tham gia ${invitation.businessName} với vai trò ${role.vi} trên Nguồn, cổng truy xuất nguồn gốc.`,
        `Mở liên kết dưới đây để nhận lời mời (đăng nhập, hoặc tạo tài khoản với địa chỉ này). Liên kết dùng được một lần, trong ${INVITATION_TTL_DAYS} ngày.`,
        'Nếu bạn không biết người mời, hãy bỏ qua thư này.',
      ],
      en: [
        `${invitation.invitedBy} invites you to join ${invitation.businessName} as ${role.en} on Nguồn, the traceability portal.`,
        `Open the link below to accept (sign in, or create an account with this address). The link works once, for ${INVITATION_TTL_DAYS} days.`,
        'If you do not know who invited you, ignore this mail.',
      ],
    },
    action: { label: { vi: 'Nhận lời mời', en: 'Accept the invitation' }, url: invitation.link },
  });
}
