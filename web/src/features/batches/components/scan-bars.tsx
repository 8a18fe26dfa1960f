import type { ScanDay } from '@nguon/shared';
import { formatDate } from '@/lib/format';
import { useLocale, usePluralT, useT } from '@/lib/i18n';
import '../batches.css';

/** Scans per day as small bars, tallest day full height; each day readable as text too. */
export function ScanBars({ days }: { days: readonly ScanDay[] }) {
  const t = useT();
  const tp = usePluralT();
  const { locale } = useLocale();
  const most = Math.max(1, ...days.map((day) => day.count));
  return (
    <ol className="scan-bars" aria-label={t('batches.scans.bars')} data-testid="scan-bars">
      {days.map((day) => (
        <li key={day.date} className="scan-bars__day" data-date={day.date} data-count={day.count}>
          <span className="scan-bars__bar" style={{ blockSize: `${Math.round((day.count / most) * 100)}%` }} aria-hidden="true" />
          <span className="visually-hidden">{tp('batches.scans.day', day.count, { date: formatDate(day.date, locale) })}</span>
          <span className="scan-bars__label" aria-hidden="true">
            {day.date.slice(8, 10)}
          </span>
        </li>
      ))}
    </ol>
  );
}
