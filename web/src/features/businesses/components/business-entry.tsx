import type { ReactNode } from 'react';
import type { BusinessView } from '@nguon/shared';
import { BusinessStatusBadge } from '@/components/ui/business-status-badge';

interface BusinessEntryProps {
  business: BusinessView;
  /** Keeps the heading ids of two lists on one page apart. */
  idPrefix: string;
  'data-testid': string;
  children: ReactNode;
}

/** A business in an administrator's list: its name and status, then what the list shows of it. */
export function BusinessEntry({ business, idPrefix, 'data-testid': testId, children }: BusinessEntryProps) {
  const titleId = `${idPrefix}-${business.id}`;
  return (
    <article className="entity" data-testid={testId} data-business-id={business.id} data-status={business.status} aria-labelledby={titleId}>
      <header className="entity__head">
        <h3 className="entity__title" id={titleId}>
          {business.legalName}
        </h3>
        <BusinessStatusBadge status={business.status} />
      </header>
      {children}
    </article>
  );
}
