import { defineMessages } from '@/lib/define-messages';

/** Confirming an address by mail: the register notice, the confirmation page, the reminder. */
export const authMessages = defineMessages(
  {
    'auth.checkMail.title': 'Hãy kiểm tra hộp thư',
    'auth.checkMail.text':
      'Chúng tôi đã gửi thư tới {email}. Mở liên kết trong thư để xác nhận địa chỉ và hoàn tất đăng ký; liên kết dùng được trong 24 giờ.',
    'auth.checkMail.taken': 'Nếu địa chỉ này đã có tài khoản, thư sẽ cho bạn biết; hãy đăng nhập bằng tài khoản đó.',
    'auth.checkMail.spam': 'Không thấy thư? Hãy xem thư mục thư rác, hoặc đăng nhập rồi yêu cầu gửi lại.',
    'auth.verify.title': 'Xác nhận email',
    'auth.verify.working': 'Đang xác nhận địa chỉ email…',
    'auth.verify.done': 'Đã xác nhận địa chỉ email. Bạn đã được đăng nhập.',
    'auth.verify.continue': 'Tiếp tục',
    'auth.verify.failed':
      'Liên kết này không dùng được: có thể nó đã được dùng, đã hết hạn hoặc đã có liên kết mới hơn. Hãy đăng nhập rồi yêu cầu gửi lại thư xác nhận.',
    'auth.verify.missing': 'Đường dẫn thiếu mã xác nhận. Hãy mở đúng liên kết trong thư.',
    'auth.unverified.title': 'Cần xác nhận email',
    'auth.unverified.text': 'Bạn cần xác nhận địa chỉ {email} trước khi đăng ký doanh nghiệp. Hãy mở liên kết trong thư chúng tôi đã gửi.',
    'auth.unverified.resend': 'Gửi lại thư xác nhận',
    'auth.unverified.sending': 'Đang gửi…',
    'auth.unverified.sent': 'Đã gửi thư mới tới {email}. Liên kết cũ không còn dùng được.',
    'auth.unverified.tooSoon': 'Vừa có thư được gửi. Vui lòng đợi một phút rồi thử lại.',
    'auth.unverified.reload': 'Tôi đã xác nhận',
  },
  {
    'auth.checkMail.title': 'Check your mailbox',
    'auth.checkMail.text':
      'We sent a mail to {email}. Open the link in it to confirm the address and finish signing up; the link works for 24 hours.',
    'auth.checkMail.taken': 'If this address already has an account, the mail says so; sign in with that account.',
    'auth.checkMail.spam': 'No mail? Look in the spam folder, or sign in and ask for another one.',
    'auth.verify.title': 'Confirm email',
    'auth.verify.working': 'Confirming your email address…',
    'auth.verify.done': 'Your email address is confirmed, and you are signed in.',
    'auth.verify.continue': 'Continue',
    'auth.verify.failed':
      'This link cannot be used: it may have been used already, expired, or been replaced by a newer one. Sign in and ask for a new confirmation mail.',
    'auth.verify.missing': 'The address has no confirmation code. Open the link exactly as it is in the mail.',
    'auth.unverified.title': 'Confirm your email first',
    'auth.unverified.text': 'You need to confirm {email} before registering a business. Open the link in the mail we sent.',
    'auth.unverified.resend': 'Send the confirmation mail again',
    'auth.unverified.sending': 'Sending…',
    'auth.unverified.sent': 'A new mail is on its way to {email}. The earlier link no longer works.',
    'auth.unverified.tooSoon': 'A mail was just sent. Please wait a minute and try again.',
    'auth.unverified.reload': 'I have confirmed it',
  },
);
