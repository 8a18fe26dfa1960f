import { useId } from 'react';
import { SCORECARD_CRITERIA, type BusinessScore, type ScorecardAverage, type ScorecardSort } from '@nguon/shared';
import { SortHeader, type TableSort } from '@/components/ui/sort-header';
import { useT } from '@/lib/i18n';
import { Share } from './share';

export type ScorecardOrder = TableSort<ScorecardSort>;

interface ScorecardTableProps {
  items: readonly BusinessScore[];
  average: ScorecardAverage;
  current: ScorecardOrder;
  onSort: (order: ScorecardOrder) => void;
}

/** Businesses' scores, one row each, under the province's average. */
export function ScorecardTable({ items, average, current, onSort }: ScorecardTableProps) {
  const t = useT();
  const captionId = useId();
  return (
    <div className="scorecard-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="scorecard-table" data-testid="scorecard-table">
        <caption id={captionId} className="visually-hidden">
          {t('scorecards.caption')}
        </caption>
        <thead>
          <tr>
            <SortHeader label={t('scorecards.col.business')} sortKey="business" current={current} onSort={onSort} />
            <SortHeader label={t('scorecards.col.batches')} sortKey="batches" current={current} onSort={onSort} />
            <SortHeader label={t('scorecards.col.overall')} sortKey="overall" current={current} onSort={onSort} />
            {SCORECARD_CRITERIA.map((criterion) => (
              <SortHeader
                key={criterion}
                label={t(`scorecard.criterion.${criterion}`)}
                sortKey={criterion}
                current={current}
                onSort={onSort}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="scorecard-table__average" data-testid="scorecard-average">
            <th scope="row">{t('scorecards.average', { count: average.businesses })}</th>
            <td />
            <td>
              <Share share={average.overall} />
            </td>
            {SCORECARD_CRITERIA.map((criterion) => (
              <td key={criterion}>
                <Share share={average.criteria[criterion]} />
              </td>
            ))}
          </tr>
          {items.map((item) => (
            <tr key={item.businessId} data-testid="scorecard-row" data-business-name={item.businessName}>
              <th scope="row">
                {item.businessName}
                <br />
                <span className="muted">
                  {item.taxCode}, {item.province}
                </span>
              </th>
              <td>{t('scorecards.batches', { batches: item.batches, complete: item.completeBatches })}</td>
              <td>
                <Share share={item.overall} />
              </td>
              {SCORECARD_CRITERIA.map((criterion) => (
                <td key={criterion}>
                  <Share share={item.criteria[criterion].share} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
