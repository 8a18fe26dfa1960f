import type { TraceIntegrityReport, TraceView } from '@nguon/shared';
import { Notice } from '@/components/ui/notice';
import { usePluralT, useT } from '@/lib/i18n';
import { BrokenRecord } from './integrity-cell';

/** The whole trace's records in one sentence, and each batch whose chain breaks with the record that breaks it. */
export function TraceIntegritySummary({ report, view }: { report: TraceIntegrityReport; view: TraceView }) {
  const t = useT();
  const tp = usePluralT();
  const lotOf = new Map(view.batches.map((b) => [b.id, b.lotCode]));
  const broken = report.batches.filter((b) => !b.verified);
  if (broken.length === 0) {
    const records = report.batches.reduce((sum, b) => sum + b.records, 0);
    return (
      <Notice tone="success" data-testid="trace-integrity" data-verified="true">
        <p className="notice__title">{t('inspector.integrity.traceOk')}</p>
        <p>{t('inspector.integrity.traceOkDetail', { batches: report.batches.length, records })}</p>
      </Notice>
    );
  }
  return (
    <Notice tone="danger" data-testid="trace-integrity" data-verified="false">
      <p className="notice__title">{tp('inspector.integrity.traceBroken', broken.length)}</p>
      <ul className="plain-list">
        {broken.map((b) => (
          <li key={b.batchId} data-testid="broken-batch">
            <span className="code">{lotOf.get(b.batchId) ?? b.batchId}</span>: <BrokenRecord report={b} />
          </li>
        ))}
      </ul>
    </Notice>
  );
}
