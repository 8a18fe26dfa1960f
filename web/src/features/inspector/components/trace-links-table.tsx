import { useId } from 'react';
import type { TraceView } from '@nguon/shared';
import { DEFAULT_OFFSET, formatEventTime } from '@/lib/format';
import { useLocale, useT } from '@/lib/i18n';
import '../inspector.css';

/** The graph's arrows in text: each processing step and shipment, in the order they happened. */
export function TraceLinksTable({ view }: { view: TraceView }) {
  const t = useT();
  const { locale } = useLocale();
  const captionId = useId();
  const lotOf = new Map(view.batches.map((b) => [b.id, b.lotCode]));
  const businessOf = new Map(view.businesses.map((b) => [b.id, b.name]));
  if (view.edges.length === 0) return <p className="muted">{t('inspector.trace.noLinks')}</p>;
  return (
    <div className="inspector-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="inspector-table" data-testid="trace-links">
        <caption id={captionId}>{t('inspector.trace.linksCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inspector.col.time')}</th>
            <th scope="col">{t('inspector.col.link')}</th>
            <th scope="col">{t('inspector.col.from')}</th>
            <th scope="col">{t('inspector.col.to')}</th>
            <th scope="col">{t('inspector.col.event')}</th>
          </tr>
        </thead>
        <tbody>
          {view.edges.map((edge, index) => (
            <tr key={`${edge.eventId}-${index}`}>
              <td>
                <time dateTime={edge.eventTime}>{formatEventTime(edge.eventTime, DEFAULT_OFFSET, locale)}</time>
              </td>
              <td>{t(`inspector.link.${edge.kind}`)}</td>
              <td className="code">{lotOf.get(edge.from) ?? edge.from}</td>
              <td className={edge.kind === 'processing' ? 'code' : undefined}>
                {(edge.kind === 'processing' ? lotOf.get(edge.to) : businessOf.get(edge.to)) ?? edge.to}
              </td>
              <td>
                <details>
                  <summary>{t('inspector.trace.showEventId')}</summary>
                  <span className="code code--wrap">{edge.eventId}</span>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
