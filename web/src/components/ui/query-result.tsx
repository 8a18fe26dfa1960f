import type { ReactNode } from 'react';
import type { Page } from '@nguon/shared';
import { useT } from '@/lib/i18n';
import type { ApiQuery } from '@/lib/use-api-query';
import { Button } from './button';
import { FormError } from './form-error';
import { Pager } from './pager';
import { Spinner } from './spinner';

interface QueryResultProps<T> {
  query: ApiQuery<T>;
  loadingLabel: string;
  /** Offers to load again under the error. */
  retry?: boolean;
  children: (data: T) => ReactNode;
}

/** What a query got, once it has: a spinner while it loads, its error if it failed. */
export function QueryResult<T>({ query, loadingLabel, retry = false, children }: QueryResultProps<T>) {
  const t = useT();
  if (query.status === 'loading') return <Spinner label={loadingLabel} />;
  if (query.status === 'error') {
    if (!retry) return <FormError error={query.error} />;
    return (
      <div>
        <FormError error={query.error} />
        <Button variant="secondary" onClick={query.reload}>
          {t('error.retry')}
        </Button>
      </div>
    );
  }
  return children(query.data);
}

interface PagedResultProps<T> extends Omit<QueryResultProps<Page<T>>, 'children'> {
  /** Shown instead when the page has nothing. */
  empty: ReactNode;
  limit: number;
  offset: number;
  onPage: (offset: number) => void;
  /** What the pages are of, for screen readers. */
  pagesLabel: string;
  children: (items: T[]) => ReactNode;
}

/** A page of a list query: its items, then the pager. */
export function PagedResult<T>({ empty, limit, offset, onPage, pagesLabel, children, ...query }: PagedResultProps<T>) {
  return (
    <QueryResult {...query}>
      {(page) =>
        page.items.length === 0 ? (
          empty
        ) : (
          <>
            {children(page.items)}
            <Pager total={page.total} limit={limit} offset={offset} onChange={onPage} label={pagesLabel} />
          </>
        )
      }
    </QueryResult>
  );
}
