import { composeMail } from '../mail/compose-mail.js';
import type { MailMessage } from '../mail/mailer.js';

/** Hours a confirmation link stays valid. */
export const VERIFICATION_TTL_HOURS = 24;

export function verificationMail(to: string, displayName: string, link: string): MailMessage {
  return composeMail(to, {
    subject: { vi: 'Xác nhận địa chỉ email của bạn trên Nguồn', en: 'Confirm your email address on Nguồn' },
    paragraphs: {
      vi: [
        `Chào ${displayName},`,
        `Hãy mở liên kết dưới đây để xác nhận địa chỉ email và hoàn tất đăng ký. Liên kết dùng được một lần, trong ${VERIFICATION_TTL_HOURS} giờ.`,
        'Nếu bạn không đăng ký, hãy bỏ qua thư này.',
      ],
      en: [
        `Hello ${displayName},`,
        `Open the link below to confirm your email address and finish signing up. The link works once, for ${VERIFICATION_TTL_HOURS} hours.`,
        'If you did not sign up, ignore this mail.',
      ],
    },
    action: { label: { vi: 'Xác nhận email', en: 'Confirm email' }, url: link },
  });
}

/** To the owner of an address someone tried to sign up with again: no account is made or changed. */
export function signUpAttemptMail(to: string, loginLink: string): MailMessage {
  return composeMail(to, {
    subject: { vi: 'Có người vừa đăng ký Nguồn bằng email của bạn', en: 'Someone tried to sign up to Nguồn with your email' },
    paragraphs: {
      vi: [
        'Địa chỉ email này đã có tài khoản trên Nguồn, nên không có tài khoản mới nào được tạo.',
        'Nếu đó là bạn, hãy đăng nhập bằng tài khoản hiện có. Nếu không, bạn không cần làm gì: tài khoản của bạn không bị thay đổi.',
      ],
      en: [
        'This email address already has an account on Nguồn, so no new account was made.',
        'If that was you, sign in with your existing account. If not, there is nothing to do: your account was not changed.',
      ],
    },
    action: { label: { vi: 'Đăng nhập', en: 'Sign in' }, url: loginLink },
  });
}
