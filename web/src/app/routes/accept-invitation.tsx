import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { InvitationPreview, LoginResponse } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { FormError } from '@/components/ui/form-error';
import { Notice } from '@/components/ui/notice';
import { Spinner } from '@/components/ui/spinner';
import { acceptInvitation, previewInvitation } from '@/features/members/api/invitations';
import { InvitationSignUpForm } from '@/features/members/components/invitation-sign-up-form';
import { loginPath, startSession, useSession } from '@/lib/auth';
import { updateSessionUser } from '@/lib/session';
import { formatInstantDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';

/**
 * The page an invitation mail (or the link an owner handed over) opens: says what it offers,
 * then joins as the signed-in account, or makes an account with the invited address.
 */
export default function AcceptInvitationRoute() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const session = useSession();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const [preview, setPreview] = useState<InvitationPreview | 'loading' | 'invalid'>(token ? 'loading' : 'invalid');
  const accept = useAction(() => acceptInvitation(token, { locale }));

  useEffect(() => {
    if (!token) return;
    previewInvitation(token, { locale }).then(setPreview, () => setPreview('invalid'));
  }, [token, locale]);

  const here = `/invitations/accept?${new URLSearchParams({ token }).toString()}`;
  const joined = (businessId: string | undefined) => void navigate(businessId ? `/portal/${encodeURIComponent(businessId)}` : '/portal');

  const onAccept = async () => {
    const result = await accept.run();
    if (!result.ok || !session || preview === 'loading' || preview === 'invalid') return;
    updateSessionUser(result.value, session.accessToken);
    joined(preview.businessId);
  };
  const onSignedUp = (response: LoginResponse) => {
    startSession(response);
    joined(typeof preview === 'object' ? preview.businessId : undefined);
  };

  return (
    <div className="page page--narrow" data-testid="accept-invitation">
      <title>{`${t('invitation.title')} | ${t('app.name')}`}</title>
      <h1 className="page__title">{t('invitation.title')}</h1>
      {preview === 'loading' ? <Spinner label={t('invitation.loading')} /> : null}
      {preview === 'invalid' ? (
        <Notice tone="warning" role="status" data-testid="invitation-invalid">
          {t('invitation.invalid')}
        </Notice>
      ) : null}
      {typeof preview === 'object' ? (
        <>
          <Notice tone="info">
            <p data-testid="invitation-offer">
              <strong>{t('invitation.offer', { business: preview.businessName, role: t(`member.role.${preview.role}`) })}</strong>
            </p>
            <p>{t('invitation.sentTo', { email: preview.email, date: formatInstantDate(preview.expiresAt, locale) })}</p>
          </Notice>
          {session ? (
            <Card title={t('invitation.accept')}>
              <p>{t('invitation.signedInAs', { email: session.user.email })}</p>
              {accept.error?.code === 'ALREADY_MEMBER' ? <p role="alert">{t('invitation.already')}</p> : <FormError error={accept.error} />}
              <Button onClick={() => void onAccept()} disabled={accept.pending} data-testid="accept-invitation-button">
                {accept.pending ? t('invitation.accepting') : t('invitation.accept')}
              </Button>
            </Card>
          ) : (
            <>
              <Card title={t('invitation.signUp.title')}>
                <InvitationSignUpForm token={token} email={preview.email} loginHref={loginPath(here)} onJoined={onSignedUp} />
              </Card>
              <p className="page__aside">
                {t('invitation.haveAccount')} <Link to={loginPath(here)}>{t('invitation.signIn')}</Link>
              </p>
            </>
          )}
        </>
      ) : null}
    </div>
  );
}
