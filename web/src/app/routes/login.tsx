import { Link, Navigate, useSearchParams } from 'react-router';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { LoginForm } from '@/features/auth/components/login-form';
import { landingFor, lastSessionEnd, safeNext, startSession, useSession } from '@/lib/auth';
import { useT } from '@/lib/i18n';

export default function LoginRoute() {
  const t = useT();
  const session = useSession();
  const [search] = useSearchParams();
  const nextParam = search.get('next');
  const next = safeNext(nextParam, landingFor(session?.user ?? null));

  // Signed in (just now, or already): on to where the reader was going.
  if (session) return <Navigate to={next} replace />;

  const expired = lastSessionEnd() === 'expired';
  const registerHref = nextParam ? `/register?${new URLSearchParams({ next: nextParam }).toString()}` : '/register';

  return (
    <div className="page page--narrow">
      <title>{`${t('auth.signInTitle')} | ${t('app.name')}`}</title>
      <h1 className="page__title">{t('auth.signInTitle')}</h1>
      {expired ? (
        <Notice tone="warning" role="status" data-testid="session-expired">
          {t('auth.sessionEnded')}
        </Notice>
      ) : null}
      <Card title={t('auth.signInCard')} intro={t('auth.signInIntro')}>
        <LoginForm onSignedIn={startSession} />
      </Card>
      <p className="page__aside">
        {t('auth.noAccount')}{' '}
        <Link to={registerHref} data-testid="register-link">
          {t('auth.registerLink')}
        </Link>
      </p>
    </div>
  );
}
