import { Link, Navigate, useSearchParams } from 'react-router';
import { Card } from '@/components/ui/card';
import { RegisterForm } from '@/features/auth/components/register-form';
import { safeNext, startSession, useSession } from '@/lib/auth';
import { useT } from '@/lib/i18n';

export default function RegisterRoute() {
  const t = useT();
  const session = useSession();
  const [search] = useSearchParams();
  const nextParam = search.get('next');

  if (session) return <Navigate to={safeNext(nextParam)} replace />;

  const loginHref = nextParam ? `/login?${new URLSearchParams({ next: nextParam }).toString()}` : '/login';

  return (
    <div className="page page--narrow">
      <title>{`${t('auth.registerTitle')} | ${t('app.name')}`}</title>
      <h1 className="page__title">{t('auth.registerTitle')}</h1>
      <p className="page__intro">{t('auth.registerIntro')}</p>
      <Card title={t('auth.registerCard')}>
        <RegisterForm onRegistered={startSession} loginHref={loginHref} />
      </Card>
      <p className="page__aside">
        {t('auth.haveAccount')} <Link to={loginHref}>{t('auth.signInLink')}</Link>
      </p>
    </div>
  );
}
