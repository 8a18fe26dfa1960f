import { Badge } from '@/components/ui/badge';
import { usePluralT, useT } from '@/lib/i18n';
import { useIntegrity } from '../api/get-integrity';

/**
 * The "records verified" mark: the portal recomputed the batch's hash chain just now. A broken
 * chain is said plainly; while checking, or if the check cannot be made, nothing is claimed.
 */
export function RecordsVerified({ batchId }: { batchId: string }) {
  const t = useT();
  const tp = usePluralT();
  const state = useIntegrity(batchId);
  if (state.status !== 'success' || state.data.records === 0) return null;
  const { verified, records } = state.data;
  return (
    <p className="records-verified" data-testid="records-verified" data-verified={verified}>
      <Badge tone={verified ? 'success' : 'danger'}>{t(verified ? 'integrity.verified' : 'integrity.broken')}</Badge>{' '}
      <span className="muted">{verified ? tp('integrity.verifiedDetail', records) : t('integrity.brokenDetail')}</span>
    </p>
  );
}
