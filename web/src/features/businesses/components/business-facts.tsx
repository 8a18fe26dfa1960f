import type { BusinessView } from '@nguon/shared';
import { formatInstantDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';

export function formatAddress(address: BusinessView['address']): string {
  return [address.line, address.commune, address.province].map((part) => part.trim()).filter(Boolean).join(', ');
}

/** A business's registered details as a definition list. */
export function BusinessFacts({ business, compact = false }: { business: BusinessView; compact?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const rows: [string, string | null, string?][] = [
    [t('business.taxCode'), business.taxCode, 'code'],
    [t('business.address'), formatAddress(business.address)],
    [t('business.phone'), business.phone],
    [t('business.email'), business.email],
    [t('business.gs1CompanyPrefix'), business.gs1CompanyPrefix, 'code'],
    [t('business.gln'), business.gln, 'code'],
    [t('business.registeredOn'), formatInstantDate(business.createdAt, locale)],
  ];
  return (
    <dl className={['facts', compact ? 'facts--compact' : null].filter(Boolean).join(' ')}>
      {rows
        .filter(([, value]) => value)
        .map(([label, value, kind]) => (
          <div className="facts__row" key={label}>
            <dt>{label}</dt>
            <dd className={kind === 'code' ? 'code' : undefined}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
