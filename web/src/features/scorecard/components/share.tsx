import type { Locale } from '@nguon/shared';
import { useLocale, useT } from '@/lib/i18n';

const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatShare(share: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A share as a percentage with a bar; a dash when there is nothing to count. */
export function Share({ share }: { share: number | null }) {
  const t = useT();
  const { locale } = useLocale();
  if (share === null) return <span className="muted">{t('scorecard.noBatches')}</span>;
  return (
    <span className="scorecard-share" data-share={share}>
      <span className="scorecard-share__bar" aria-hidden="true">
        <span className="scorecard-share__fill" style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      {formatShare(share, locale)}
    </span>
  );
}
