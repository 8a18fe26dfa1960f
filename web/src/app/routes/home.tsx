import { Link, useNavigate } from 'react-router';
import { pageOf, type ResolvedCode } from '@/features/resolver/api/resolve-code';
import { CodeForm } from '@/features/resolver/components/code-form';
import { useT } from '@/lib/i18n';

export default function HomeRoute() {
  const t = useT();
  const navigate = useNavigate();

  // The resolver already answered with the data: hand it over so the next page shows at once.
  const onResolved = (resolved: ResolvedCode) => {
    const { to, state } = pageOf(resolved);
    void navigate(to, { state });
  };

  return (
    <div className="page page--home">
      <title>{`${t('app.name')}: ${t('home.title')}`}</title>
      <div className="hero">
        <h1 className="hero__title">{t('home.title')}</h1>
        <p className="hero__intro">{t('home.intro')}</p>
      </div>
      <CodeForm onResolved={onResolved} />
      <div className="help">
        <h2 className="help__title">{t('home.help.title')}</h2>
        <p>{t('home.help.text')}</p>
        <p>
          <Link to="/label-check">{t('labelCheck.page.title')}</Link>
        </p>
      </div>
    </div>
  );
}
