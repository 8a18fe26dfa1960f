import { useT } from '@/lib/i18n';
import { Button } from './button';

interface PagerProps {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
  /** What the pages are of, for screen readers: "Audit log pages". */
  label: string;
}

/** "21–40 of 57" with previous / next; nothing when everything fits on one page. */
export function Pager({ total, limit, offset, onChange, label }: PagerProps) {
  const t = useT();
  if (total === 0) return null;
  const from = Math.min(offset + 1, total);
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={label}>
      <p className="pager__range" aria-live="polite">
        {t('pager.range', { from, to, total })}
      </p>
      {total > limit ? (
        <div className="pager__buttons">
          <Button
            variant="secondary"
            disabled={offset <= 0}
            onClick={() => onChange(Math.max(0, offset - limit))}
            data-testid="pager-previous"
          >
            {t('pager.previous')}
          </Button>
          <Button variant="secondary" disabled={to >= total} onClick={() => onChange(offset + limit)} data-testid="pager-next">
            {t('pager.next')}
          </Button>
        </div>
      ) : null}
    </nav>
  );
}
