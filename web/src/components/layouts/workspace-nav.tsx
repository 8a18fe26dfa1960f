import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { matchPath, NavLink, useLocation } from 'react-router';
import { MenuIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n';
import './workspace-nav.css';

export interface WorkspaceNavItem {
  to: string;
  label: string;
  /** Active only on this very path (an overview whose sections live under it). */
  end?: boolean;
  /** Something waiting there, e.g. open flags: shown as a count, said in words to screen readers. */
  badge?: { count: number; label: string } | null;
  testId: string;
}

/** The section the reader is in, named on the phone's menu button. */
function activeItem(items: readonly WorkspaceNavItem[], pathname: string): WorkspaceNavItem | undefined {
  return items.find((item) => matchPath({ path: item.to, end: item.end ?? false }, pathname));
}

/**
 * A workspace's sections (a business's, an inspector's, an administrator's). On a wide screen
 * they are a bar that wraps rather than scrolls out of sight; on a phone a "Menu" button opens
 * them as a list under it (a disclosure: Escape closes it and gives focus back to the button,
 * choosing a section closes it).
 */
export function WorkspaceNav({ label, items, testId }: { label: string; items: readonly WorkspaceNavItem[]; testId: string }) {
  const t = useT();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const active = activeItem(items, location.pathname);

  useEffect(() => setOpen(false), [location.pathname]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <nav className="workspace-nav" aria-label={label} data-testid={testId} data-open={open} onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        className="workspace-nav__toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
        data-testid="workspace-nav-toggle"
      >
        <MenuIcon />
        <span>{t('nav.menuButton')}</span>
        {active ? <span className="workspace-nav__current">{active.label}</span> : null}
      </button>
      <ul id={listId} className="workspace-nav__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="workspace-nav__link" data-testid={item.testId}>
              {item.label}
              {item.badge && item.badge.count > 0 ? (
                <>
                  <span className="workspace-nav__badge" aria-hidden="true" data-testid={`${item.testId}-badge`}>
                    {item.badge.count}
                  </span>
                  <span className="visually-hidden">{` (${item.badge.label})`}</span>
                </>
              ) : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
