import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { hasRole, loginPath, useCurrentUser, useSignOut } from '@/lib/auth';
import { useT } from '@/lib/i18n';

/**
 * "Đăng nhập" for visitors; for a signed-in user their name, opening a menu: my account, the
 * administration and audit pages when their role has them, sign out.
 */
export function UserMenu() {
  const t = useT();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Close on navigation, on a click elsewhere and on Escape (focus back to the button).
  useEffect(() => setOpen(false), [location.pathname, location.search]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!user) {
    const here = `${location.pathname}${location.search}`;
    const onAuthPage = location.pathname === '/login' || location.pathname === '/register';
    if (onAuthPage) return null;
    return (
      <Link to={here === '/' ? '/login' : loginPath(here)} className="header-link" data-testid="sign-in-link">
        {t('nav.signIn')}
      </Link>
    );
  }

  const onSignOut = async () => {
    setOpen(false);
    await signOut();
    void navigate('/', { replace: true });
  };

  return (
    <div className="user-menu" ref={root} data-testid="user-menu">
      <button
        ref={button}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        data-testid="user-menu-button"
      >
        <span className="user-menu__avatar" aria-hidden="true">
          {(user.displayName.trim()[0] ?? user.email[0] ?? '?').toUpperCase()}
        </span>
        <span className="user-menu__name">{user.displayName}</span>
        <span className="visually-hidden">{t('nav.menuFor', { name: user.displayName })}</span>
      </button>
      {open ? (
        <nav id={menuId} className="user-menu__panel" aria-label={t('nav.menu')}>
          <p className="user-menu__who">
            <strong>{user.displayName}</strong>
            <span className="muted">{user.email}</span>
          </p>
          <ul className="user-menu__list">
            <li>
              <Link to="/account" data-testid="menu-account">
                {t('nav.account')}
              </Link>
            </li>
            {user.memberships.length > 0 ? (
              <li>
                <Link to="/portal" data-testid="menu-portal">
                  {t('nav.portal')}
                </Link>
              </li>
            ) : null}
            {hasRole(user, ['admin']) ? (
              <li>
                <Link to="/admin" data-testid="menu-admin">
                  {t('nav.admin')}
                </Link>
              </li>
            ) : null}
            {hasRole(user, ['admin', 'inspector']) ? (
              <li>
                <Link to="/inspector" data-testid="menu-inspector">
                  {t('inspector.nav')}
                </Link>
              </li>
            ) : null}
            {hasRole(user, ['admin', 'inspector']) ? (
              <li>
                <Link to="/audit" data-testid="menu-audit">
                  {t('nav.audit')}
                </Link>
              </li>
            ) : null}
            <li>
              <button type="button" onClick={() => void onSignOut()} data-testid="sign-out">
                {t('nav.signOut')}
              </button>
            </li>
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
