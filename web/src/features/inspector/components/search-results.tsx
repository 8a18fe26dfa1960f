import { useId } from 'react';
import { Link } from 'react-router';
import type { BatchSearchResult } from '@nguon/shared';
import { BatchStatusBadge } from '@/components/ui/batch-status-badge';
import { SortHeader } from '@/components/ui/sort-header';
import { DEFAULT_OFFSET, formatDate, formatEventTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import { eventLabel } from '../utils/event-label';
import type { SearchSort } from '../utils/search-params';
import '../inspector.css';

interface SearchResultsProps {
  items: readonly BatchSearchResult[];
  sort: SearchSort;
  onSort: (sort: SearchSort) => void;
}

/** The batches found, one row each; the lot code opens the batch's trace. */
export function SearchResults({ items, sort, onSort }: SearchResultsProps) {
  const t = useT();
  const { locale, l } = useLocale();
  const captionId = useId();
  const label = (text: ReturnType<typeof eventLabel>) => (typeof text === 'string' ? text : l(text));
  return (
    <div className="inspector-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="inspector-table" data-testid="search-results">
        <caption id={captionId} className="visually-hidden">
          {t('inspector.results.caption')}
        </caption>
        <thead>
          <tr>
            <SortHeader label={t('inspector.col.lot')} sortKey="lotCode" current={sort} onSort={onSort} />
            <SortHeader label={t('inspector.col.product')} sortKey="productName" current={sort} onSort={onSort} />
            <th scope="col">{t('inspector.col.gtin')}</th>
            <SortHeader label={t('inspector.col.business')} sortKey="business" current={sort} onSort={onSort} />
            <SortHeader label={t('inspector.col.status')} sortKey="status" current={sort} onSort={onSort} />
            <SortHeader label={t('inspector.col.produced')} sortKey="productionDate" current={sort} onSort={onSort} />
            <SortHeader label={t('inspector.col.lastEvent')} sortKey="lastEventAt" current={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} data-testid="search-row" data-lot-code={item.lotCode}>
              <th scope="row">
                <Link to={`/inspector/batches/${item.id}`} className="code" data-testid="search-row-link">
                  {item.lotCode}
                </Link>
              </th>
              <td>{l(item.productName)}</td>
              <td className="code">{item.gtin ?? '—'}</td>
              <td>{item.businessName}</td>
              <td>
                <BatchStatusBadge status={item.status} />
              </td>
              <td>{formatDate(item.productionDate, locale)}</td>
              <td>
                {item.lastEvent ? (
                  <>
                    {label(eventLabel(item.lastEvent.eventType, item.lastEvent.bizStep))}
                    <br />
                    <time dateTime={item.lastEvent.eventTime} className="muted">
                      {formatEventTime(item.lastEvent.eventTime, DEFAULT_OFFSET, locale)}
                    </time>
                  </>
                ) : (
                  <span className="muted">{t('inspector.noEvent')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
