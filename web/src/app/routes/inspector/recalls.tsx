import { Link, useSearchParams } from 'react-router';
import { PagedResult } from '@/components/ui/query-result';
import { useRecalls } from '@/features/inspector/api/list-recalls';
import { RecallTable } from '@/features/inspector/components/recall-table';
import { useT } from '@/lib/i18n';

const PAGE = 25;

/** The recalls inspectors and producers have made, in force or lifted; the page lives in the URL. */
export default function InspectorRecallsRoute() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
  const recalls = useRecalls({ limit: PAGE, offset });
  return (
    <div className="page" data-testid="inspector-recalls-page">
      <title>{`${t('inspector.recalls.title')} | ${t('app.name')}`}</title>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/inspector">{t('inspector.search.title')}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{t('inspector.recalls.title')}</span>
      </nav>
      <h1 className="page__title">{t('inspector.recalls.title')}</h1>
      <p className="page__intro">{t('inspector.recalls.intro')}</p>
      <PagedResult
        query={recalls}
        loadingLabel={t('inspector.recalls.loading')}
        retry
        empty={<p className="muted">{t('inspector.recalls.empty')}</p>}
        limit={PAGE}
        offset={offset}
        onPage={(next) => setParams(next > 0 ? { offset: String(next) } : {})}
        pagesLabel={t('inspector.recalls.pages')}
      >
        {(items) => <RecallTable recalls={items} />}
      </PagedResult>
    </div>
  );
}
