import type { ReactNode } from 'react';
import { Link, ScrollRestoration } from 'react-router';
import { useLocale, useT } from '@/lib/i18n';
import { UserMenu } from './user-menu';

function LanguageToggle() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const next = locale === 'vi' ? 'en' : 'vi';
  return (
    <button type="button" className="lang-toggle" data-testid="lang-toggle" onClick={() => setLocale(next)}>
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

/** Every page's frame: brand, language toggle, sign-in or user menu, main landmark, footer. */
export function SiteFrame({ wide = false, children }: { wide?: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className={['site-header', wide ? 'site-header--wide' : null].filter(Boolean).join(' ')}>
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              N
            </span>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <div className="site-header__tools">
            <LanguageToggle />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" className={['site-main', wide ? 'site-main--wide' : null].filter(Boolean).join(' ')} tabIndex={-1}>
        {children}
      </main>
      <footer className={['site-footer', wide ? 'site-footer--wide' : null].filter(Boolean).join(' ')}>
        <p>{t('footer.text')}</p>
        <p>{t('footer.privacy')}</p>
      </footer>
      <ScrollRestoration />
    </>
  );
}
