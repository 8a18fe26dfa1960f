import { Link, Outlet, ScrollRestoration } from 'react-router';
import { useLocale, useT } from '@/lib/i18n';

function LanguageToggle() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const next = locale === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="lang-toggle"
      data-testid="lang-toggle"
      onClick={() => setLocale(next)}
    >
      <span className={locale === 'vi' ? 'lang-toggle__current' : undefined} lang="vi">
        VI
      </span>
      <span aria-hidden="true" className="lang-toggle__sep">
        |
      </span>
      <span className={locale === 'en' ? 'lang-toggle__current' : undefined} lang="en">
        EN
      </span>
      <span className="visually-hidden">{t('lang.toggle')}</span>
    </button>
  );
}

/** The public pages' frame: brand, language toggle, main landmark, footer. */
export function ConsumerLayout() {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand" aria-label={t('app.homeLink')}>
            <span className="brand__mark" aria-hidden="true">
              N
            </span>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <LanguageToggle />
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t('footer.text')}</p>
        <p>{t('footer.privacy')}</p>
      </footer>
      <ScrollRestoration />
    </>
  );
}
