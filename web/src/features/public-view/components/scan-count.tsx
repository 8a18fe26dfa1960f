import { useLocale, usePluralT } from '@/lib/i18n';
import { formatNumber } from '@/lib/format';

export function ScanCount({ count }: { count: number }) {
  const tp = usePluralT();
  const { locale } = useLocale();
  return (
    <p className="scan-count" data-testid="scan-count" data-count={count}>
      {tp('batch.scanCount', count, { count: formatNumber(count, locale) })}
    </p>
  );
}
