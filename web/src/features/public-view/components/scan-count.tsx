import { useLocale, useT } from '@/lib/i18n';
import { formatNumber } from '@/lib/format';

export function ScanCount({ count }: { count: number }) {
  const t = useT();
  const { locale } = useLocale();
  const key = count === 1 ? 'batch.scanCount.one' : 'batch.scanCount.other';
  return (
    <p className="scan-count" data-testid="scan-count" data-count={count}>
      {t(key, { count: formatNumber(count, locale) })}
    </p>
  );
}
