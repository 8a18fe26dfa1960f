import type { IntegrityReport } from '@nguon/shared';
import { Badge } from '@/components/ui/badge';
import { usePluralT, useT } from '@/lib/i18n';

/** One batch's check: verified with its count of records, or the record where its chain breaks. */
export function IntegrityCell({ report }: { report: IntegrityReport | undefined }) {
  const t = useT();
  const tp = usePluralT();
  if (!report) return <span className="muted">…</span>;
  if (!report.firstBroken) {
    return (
      <span data-testid="integrity-cell" data-verified="true">
        <Badge tone="success">{t('inspector.integrity.ok')}</Badge>{' '}
        <span className="muted">{tp('inspector.integrity.records', report.records)}</span>
      </span>
    );
  }
  return (
    <span data-testid="integrity-cell" data-verified="false">
      <Badge tone="danger">{t('inspector.integrity.broken')}</Badge> <BrokenRecord report={report} />
    </span>
  );
}

/** "Record 2 (urn:uuid:…): content changed since it was recorded." */
export function BrokenRecord({ report }: { report: IntegrityReport }) {
  const t = useT();
  if (!report.firstBroken) return null;
  const { seq, eventId, problem } = report.firstBroken;
  return (
    <span>
      {t('inspector.integrity.record', { seq })} {eventId ? <span className="code code--wrap">{eventId}</span> : null}:{' '}
      {t(`inspector.integrity.problem.${problem}`)}
    </span>
  );
}
