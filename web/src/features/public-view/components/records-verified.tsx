import { Badge } from '@/components/ui/badge';
import { usePluralT, useT } from '@/lib/i18n';
import { useBatchLogCheck } from '../api/check-batch-log';
import { useIntegrity } from '../api/get-integrity';

/**
 * The "records verified" mark: the portal recomputed the batch's hash chain just now, and this
 * browser checked the batch's records against the portal's signed public log itself (Web Crypto),
 * so the mark is not the server's word alone. A broken chain or a record not as logged is said
 * plainly; while checking, or if either check cannot be made, nothing is claimed.
 */
export function RecordsVerified({ batchId }: { batchId: string }) {
  const t = useT();
  const tp = usePluralT();
  const state = useIntegrity(batchId);
  const logCheck = useBatchLogCheck(batchId);
  if (state.status !== 'success' || state.data.records === 0) return null;
  const broken = !state.data.verified || logCheck.status === 'broken';
  if (!broken && logCheck.status !== 'verified') return null;
  return (
    <p className="records-verified" data-testid="records-verified" data-verified={!broken}>
      <Badge tone={broken ? 'danger' : 'success'}>{t(broken ? 'integrity.broken' : 'integrity.verified')}</Badge>{' '}
      <span className="muted">{broken ? t('integrity.brokenDetail') : tp('integrity.verifiedDetail', state.data.records)}</span>
    </p>
  );
}
