import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CurrentUser } from '@nguon/shared';
import { Notice } from '@/components/ui/notice';
import { Spinner } from '@/components/ui/spinner';
import { verifyEmail } from '@/features/auth/api/verify-email';
import { landingFor, startSession } from '@/lib/auth';
import { useLocale, useT } from '@/lib/i18n';

type State = { status: 'working' } | { status: 'done'; user: CurrentUser } | { status: 'failed' } | { status: 'missing' };

/** The page a confirmation mail links to: confirms the address once, and signs that account in. */
export default function VerifyEmailRoute() {
  const t = useT();
  const { locale } = useLocale();
  const [search] = useSearchParams();
  const token = search.get('token');
  const [state, setState] = useState<State>(token ? { status: 'working' } : { status: 'missing' });

  const confirm = useEffectEvent((value: string) => {
    verifyEmail({ token: value }, { locale }).then(
      (response) => {
        startSession(response);
        setState({ status: 'done', user: response.user });
      },
      () => setState({ status: 'failed' }),
    );
  });
  // The token is single-use: ask once per token, even when an effect runs twice (development).
  const asked = useRef<string | null>(null);
  useEffect(() => {
    if (!token || asked.current === token) return;
    asked.current = token;
    confirm(token);
  }, [token]);

  return (
    <div className="page page--narrow" data-testid="verify-email" data-status={state.status}>
      <title>{`${t('auth.verify.title')} | ${t('app.name')}`}</title>
      <h1 className="page__title">{t('auth.verify.title')}</h1>
      {state.status === 'working' ? <Spinner label={t('auth.verify.working')} /> : null}
      {state.status === 'done' ? (
        <Notice tone="success" role="status">
          <p>{t('auth.verify.done')}</p>
          <p>
            <Link className="button button--primary" to={landingFor(state.user) === '/portal' ? '/portal' : '/businesses/new'}>
              {t('auth.verify.continue')}
            </Link>
          </p>
        </Notice>
      ) : null}
      {state.status === 'failed' || state.status === 'missing' ? (
        <Notice tone="warning" role="status">
          <p>{t(state.status === 'failed' ? 'auth.verify.failed' : 'auth.verify.missing')}</p>
          <p>
            <Link to="/login">{t('auth.signInLink')}</Link>
          </p>
        </Notice>
      ) : null}
    </div>
  );
}
