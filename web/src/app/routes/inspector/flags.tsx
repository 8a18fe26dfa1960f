import { useState } from 'react';
import { FLAG_KIND_NAMES, FLAG_KINDS, FLAG_STATUS_NAMES, FLAG_STATUSES } from '@nguon/shared';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { PagedResult } from '@/components/ui/query-result';
import { SelectField } from '@/components/ui/select-field';
import { flagCountsChanged } from '@/features/flags/api/flag-counts';
import { scanFlags, useFlags, type FlagFilters } from '@/features/flags/api/flags';
import { FlagCard } from '@/features/flags/components/flag-card';
import '@/features/flags/flags.css';
import { useLocale, usePluralT, useT } from '@/lib/i18n';
import { useAction } from '@/lib/use-action';
import { useListFilters } from '@/lib/use-list-filters';

const PAGE = 20;

/** The inspector's work list: what the checks and consumers raised, to be reviewed and closed. */
export default function InspectorFlagsRoute() {
  const t = useT();
  const tp = usePluralT();
  const { locale, l } = useLocale();
  const { filters, filter, offset, setOffset } = useListFilters<FlagFilters>({ status: 'open', kind: '' });
  const flags = useFlags(filters, PAGE, offset);
  const scan = useAction(scanFlags);
  const [scanned, setScanned] = useState<number | null>(null);

  const onScan = async () => {
    const result = await scan.run({ locale });
    if (!result.ok) return;
    setScanned(Object.values(result.value.raised).reduce((sum, n) => sum + n, 0));
    flags.reload();
    flagCountsChanged();
  };

  return (
    <div className="page" data-testid="flags-page">
      <title>{`${t('flags.title')} | ${t('app.name')}`}</title>
      <header className="page__header">
        <h1 className="page__title">{t('flags.title')}</h1>
        <Button onClick={() => void onScan()} disabled={scan.pending} data-testid="flags-scan">
          {t('flags.scan')}
        </Button>
      </header>
      <p className="page__intro">{t('flags.intro')}</p>
      {scanned !== null ? (
        <Notice tone="info" role="status" data-testid="flags-scanned">
          {tp('flags.scanned', scanned)}
        </Notice>
      ) : null}
      <Card title={t('flags.status')}>
        <div className="form form--inline">
          <SelectField
            label={t('flags.status')}
            name="status"
            value={filters.status}
            onChange={(event) => filter({ status: event.target.value as FlagFilters['status'] })}
          >
            <option value="">{t('flags.any')}</option>
            {FLAG_STATUS_NAMES.map((name) => (
              <option key={name} value={name}>
                {l(FLAG_STATUSES[name])}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('flags.kind')}
            name="kind"
            value={filters.kind}
            onChange={(event) => filter({ kind: event.target.value as FlagFilters['kind'] })}
          >
            <option value="">{t('flags.any')}</option>
            {FLAG_KIND_NAMES.map((name) => (
              <option key={name} value={name}>
                {l(FLAG_KINDS[name])}
              </option>
            ))}
          </SelectField>
        </div>
      </Card>
      <PagedResult
        query={flags}
        loadingLabel={t('flags.loading')}
        retry
        empty={<p className="muted">{t('flags.empty')}</p>}
        limit={PAGE}
        offset={offset}
        onPage={setOffset}
        pagesLabel={t('flags.pages')}
      >
        {(items) => (
          <ul className="flag-list">
            {items.map((flag) => (
              <li key={flag.id}>
                <FlagCard
                  flag={flag}
                  onChange={(updated) => {
                    flags.setData((page) => ({ ...page, items: page.items.map((f) => (f.id === updated.id ? updated : f)) }));
                    flagCountsChanged();
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </PagedResult>
    </div>
  );
}
