import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { useRequestErrorMessage } from '@/lib/error-message';
import { useRefreshUser } from '@/lib/auth';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';
import { resendVerification } from '../api/resend-verification';

/** Tells an unconfirmed user why they cannot go on, with a button that mails the link again. */
export function UnverifiedNotice({ email }: { email: string }) {
  const t = useT();
  const { locale } = useLocale();
  const message = useRequestErrorMessage();
  const refreshUser = useRefreshUser();
  const [sent, setSent] = useState(false);
  const resend = useAction(() => resendVerification({ locale }));

  const onResend = async () => {
    setSent(false);
    if ((await resend.run()).ok) setSent(true);
  };

  return (
    <Notice tone="warning" data-testid="unverified-notice">
      <p>
        <strong>{t('auth.unverified.title')}</strong>
      </p>
      <p>{t('auth.unverified.text', { email })}</p>
      <p className="row__actions">
        <Button variant="secondary" onClick={() => void onResend()} disabled={resend.pending} data-testid="resend-verification">
          {resend.pending ? t('auth.unverified.sending') : t('auth.unverified.resend')}
        </Button>
        <Button variant="secondary" onClick={() => void refreshUser().catch(() => undefined)}>
          {t('auth.unverified.reload')}
        </Button>
      </p>
      {sent ? <p role="status">{t('auth.unverified.sent', { email })}</p> : null}
      {resend.error ? (
        <p role="alert">{resend.error.code === 'RATE_LIMITED' ? t('auth.unverified.tooSoon') : message(resend.error)}</p>
      ) : null}
    </Notice>
  );
}
