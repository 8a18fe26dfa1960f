import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { RegisterForm } from '@/features/auth/components/register-form';
import { safeNext, useSession } from '@/lib/auth';
import { useT } from '@/lib/i18n';

export default function RegisterRoute() {
  const t = useT();
  const session = useSession();
  const [search] = useSearchParams();
  const nextParam = search.get('next');
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (session) return <Navigate to={safeNext(nextParam)} replace />;

  const loginHref = nextParam ? `/login?${new URLSearchParams({ next: nextParam }).toString()}` : '/login';

  if (sentTo) {
    return (
      <div className="page page--narrow">
        <title>{`${t('auth.checkMail.title')} | ${t('app.name')}`}</title>
        <h1 className="page__title">{t('auth.checkMail.title')}</h1>
        <Notice tone="success" role="status" data-testid="check-mail">
          <p>{t('auth.checkMail.text', { email: sentTo })}</p>
          <p>{t('auth.checkMail.taken')}</p>
        </Notice>
        <p className="page__aside">
          {t('auth.checkMail.spam')} <Link to={loginHref}>{t('auth.signInLink')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page page--narrow">
      <title>{`${t('auth.registerTitle')} | ${t('app.name')}`}</title>
      <h1 className="page__title">{t('auth.registerTitle')}</h1>
      <p className="page__intro">{t('auth.registerIntro')}</p>
      <Card title={t('auth.registerCard')}>
        <RegisterForm onRegistered={setSentTo} />
      </Card>
      <p className="page__aside">
        {t('auth.haveAccount')} <Link to={loginHref}>{t('auth.signInLink')}</Link>
      </p>
    </div>
  );
}
