import { useId, useMemo, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import type { TraceView } from '@nguon/shared';
import { formatInstantDate } from '@/lib/format';
import { useLocale, usePluralT, useT } from '@/lib/i18n';
import { layoutTrace, NODE_HEIGHT, NODE_WIDTH, type PlacedNode } from '../utils/trace-layout';
import { depthLabel } from '../utils/depth-label';
import '../inspector.css';

/** Cuts a label to what fits on one line of a node. */
function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  // Cut between words: a word cut in half is neither read out nor matched by the link's label.
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 0 ? cut.slice(0, space) : cut).replace(/[\s,]+$/, '')}…`;
}

/**
 * The trace drawn left to right: sources, the batch, what was made from it, and the businesses it
 * went to. Each batch is a link (Tab reaches it, Enter opens its trace); the table below holds
 * the same facts as text.
 */
export function TraceGraph({ view }: { view: TraceView }) {
  const t = useT();
  const tp = usePluralT();
  const { locale, l } = useLocale();
  const navigate = useNavigate();
  const titleId = useId();
  const descId = useId();
  // useId's characters are not all safe inside url(#…).
  const arrowId = `arrow-${useId().replace(/[^\w-]/g, '')}`;
  const layout = useMemo(() => layoutTrace(view), [view]);

  const open = (event: MouseEvent<Element>, batchId: string) => {
    event.preventDefault();
    void navigate(`/inspector/batches/${batchId}`);
  };

  const nodeText = (node: PlacedNode) =>
    node.kind === 'batch'
      ? t('inspector.graph.batchNode', {
          lot: node.batch.lotCode,
          product: l(node.batch.productName),
          business: node.batch.businessName,
          step: depthLabel(t, tp, node.batch.depth),
        }) + (node.batch.recall ? `, ${t('inspector.graph.recalled')}` : '')
      : t('inspector.graph.businessNode', { business: node.name });

  return (
    <figure className="trace-graph" data-testid="trace-graph">
      <div className="inspector-table-scroll">
        <svg
          role="group"
          aria-labelledby={titleId}
          aria-describedby={descId}
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          className="trace-graph__svg"
        >
          <title id={titleId}>{t('inspector.graph.title')}</title>
          <desc id={descId}>
            {t('inspector.graph.desc', { batches: view.batches.length, businesses: view.businesses.length, links: view.edges.length })}
          </desc>
          <defs>
            <marker id={arrowId} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="trace-graph__arrow" />
            </marker>
          </defs>
          {layout.edges.map(({ key, edge, path }) => (
            <path
              key={key}
              d={path}
              className={`trace-graph__edge trace-graph__edge--${edge.kind}`}
              markerEnd={`url(#${arrowId})`}
              data-testid="trace-edge"
            >
              <title>{`${t(`inspector.link.${edge.kind}`)}, ${formatInstantDate(edge.eventTime, locale)}`}</title>
            </path>
          ))}
          {layout.nodes.map((node) =>
            node.kind === 'batch' ? (
              <g key={node.id}>
                <a
                  href={`/inspector/batches/${node.id}`}
                  onClick={(event) => open(event, node.id)}
                  aria-label={nodeText(node)}
                  className={[
                    'trace-graph__node',
                    node.batch.depth === 0 ? 'trace-graph__node--start' : '',
                    node.batch.recall ? 'trace-graph__node--recalled' : '',
                  ].join(' ')}
                  data-testid="trace-node"
                  data-lot-code={node.batch.lotCode}
                  data-depth={node.batch.depth}
                >
                  <rect x={node.x} y={node.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx="8" />
                  <text x={node.x + 10} y={node.y + 22} className="trace-graph__label">
                    {fit(node.batch.lotCode, 20)}
                  </text>
                </a>
                {/* Shortened to fit, so outside the link: its name says it whole, after the lot code it shows. */}
                <text x={node.x + 10} y={node.y + 42} className="trace-graph__sub" aria-hidden="true">
                  {fit(`${l(node.batch.productName)}, ${node.batch.businessName}`, 28)}
                </text>
              </g>
            ) : (
              <g key={node.id} className="trace-graph__business" data-testid="trace-business" role="img" aria-label={nodeText(node)}>
                <rect x={node.x} y={node.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx={NODE_HEIGHT / 2} />
                <text x={node.x + 14} y={node.y + 33} className="trace-graph__business-label">
                  {fit(node.name, 22)}
                </text>
              </g>
            ),
          )}
        </svg>
      </div>
      <figcaption className="trace-graph__legend">
        <span className="trace-graph__key trace-graph__key--processing">{t('inspector.link.processing')}</span>
        <span className="trace-graph__key trace-graph__key--shipping">{t('inspector.link.shipping')}</span>
        <span className="trace-graph__key trace-graph__key--recalled">{t('inspector.graph.recalled')}</span>
      </figcaption>
    </figure>
  );
}
