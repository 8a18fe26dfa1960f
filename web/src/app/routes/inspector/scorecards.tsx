import { Link, useSearchParams } from 'react-router';
import { SCORECARD_SORTS, SORT_ORDERS, type ScorecardSort, type SortOrder } from '@nguon/shared';
import { Pager } from '@/components/ui/pager';
import { QueryResult } from '@/components/ui/query-result';
import { useScorecards } from '@/features/scorecard/api/list-scorecards';
import { ScorecardTable, type ScorecardOrder } from '@/features/scorecard/components/scorecard-table';
import '@/features/scorecard/scorecard.css';
import { useT } from '@/lib/i18n';

const PAGE = 25;
/** The weakest businesses first: where an inspector starts. */
const DEFAULT_ORDER: ScorecardOrder = { sort: 'overall', order: 'asc' };

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.find((v) => v === value) ?? fallback;
}

/** Every business's compliance scorecard, sortable by any column, under the province's average; order and page live in the URL. */
export default function InspectorScorecardsRoute() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const current: ScorecardOrder = {
    sort: oneOf<ScorecardSort>(SCORECARD_SORTS, params.get('sort'), DEFAULT_ORDER.sort),
    order: oneOf<SortOrder>(SORT_ORDERS, params.get('order'), DEFAULT_ORDER.order),
  };
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  const scorecards = useScorecards({ ...current, limit: PAGE, offset });
  const go = (order: ScorecardOrder, nextOffset: number) =>
    setParams({ sort: order.sort, order: order.order, ...(nextOffset > 0 ? { offset: String(nextOffset) } : {}) });
  return (
    <div className="page" data-testid="inspector-scorecards-page">
      <title>{`${t('scorecards.title')} | ${t('app.name')}`}</title>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/inspector">{t('inspector.search.title')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{t('scorecards.title')}</span>
      </nav>
      <h1 className="page__title">{t('scorecards.title')}</h1>
      <p className="page__intro">{t('scorecards.intro')}</p>
      <QueryResult query={scorecards} loadingLabel={t('scorecards.loading')} retry>
        {(list) =>
          list.total === 0 ? (
            <p className="muted">{t('scorecards.empty')}</p>
          ) : (
            <>
              <ScorecardTable items={list.items} average={list.average} current={current} onSort={(order) => go(order, 0)} />
              <Pager total={list.total} limit={PAGE} offset={offset} onChange={(next) => go(current, next)} label={t('scorecards.pages')} />
            </>
          )
        }
      </QueryResult>
    </div>
  );
}
