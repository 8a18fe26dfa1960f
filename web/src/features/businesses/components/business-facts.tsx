import type { ReactNode } from 'react';
import type { BusinessView, ClaimHolder } from '@nguon/shared';
import { formatInstantDate } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';

export function formatAddress(address: BusinessView['address']): string {
  return [address.line, address.commune, address.province]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(', ');
}

/** A claim (tax code, GS1 company prefix): confirmed by an administrator or not, and whose it collides with. */
function Claim({ value, confirmed, conflict }: { value: string; confirmed: boolean; conflict: ClaimHolder | null }) {
  const t = useT();
  return (
    <span className="claim" data-testid="claim" data-value={value} data-confirmed={confirmed} data-conflict={conflict ? 'true' : 'false'}>
      <span className="code">{value}</span> <span className="muted">({confirmed ? t('claims.confirmed') : t('claims.unconfirmed')})</span>
      {conflict ? <strong className="claim__conflict"> {t('claims.conflict', { name: conflict.legalName })}</strong> : null}
    </span>
  );
}

/** A business's registered details as a definition list. */
export function BusinessFacts({ business, compact = false }: { business: BusinessView; compact?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const prefixes = business.gs1Prefixes.length ? (
    <span className="claims" data-testid="gs1-prefixes">
      {business.gs1Prefixes.map((p) => (
        <Claim key={p.prefix} value={p.display} confirmed={p.confirmed} conflict={p.conflict} />
      ))}
    </span>
  ) : (
    t('claims.prefixes.none')
  );
  const rows: [string, ReactNode, string?][] = [
    [t('business.taxCode'), <Claim value={business.taxCode} confirmed={business.taxCodeConfirmed} conflict={business.taxCodeConflict} />],
    [t('business.address'), formatAddress(business.address)],
    [t('business.phone'), business.phone],
    [t('business.email'), business.email],
    [t('business.gs1CompanyPrefix'), prefixes],
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
