import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ChevronRightIcon } from '@/components/ui/icons';

/** A row of a list of lots that opens the lot's page: what it says, then a chevron. */
export function BatchLink({ batchId, 'data-testid': testId, children }: { batchId: string; 'data-testid': string; children: ReactNode }) {
  return (
    <Link to={`/batches/${encodeURIComponent(batchId)}`} className="source" data-testid={testId}>
      <span className="source__text">{children}</span>
      <ChevronRightIcon className="source__chevron" />
    </Link>
  );
}
