import type { TraceBatchNode, TraceEdge, TraceView } from '@nguon/shared';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 56;
const COLUMN_GAP = 56;
const ROW_GAP = 20;
const MARGIN = 12;

export type PlacedNode =
  | { kind: 'batch'; id: string; x: number; y: number; batch: TraceBatchNode }
  | { kind: 'business'; id: string; x: number; y: number; name: string };

export interface PlacedEdge {
  key: string;
  edge: TraceEdge;
  from: PlacedNode;
  to: PlacedNode;
  /** An SVG path from the right side of `from` to the left side of `to`. */
  path: string;
}

export interface TraceLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/**
 * Left to right in the order things happened: batches in columns by their steps from the start
 * (sources left, products right), each business just right of the latest batch shipped to it;
 * within a column, the node whose first link came earliest is on top.
 */
export function layoutTrace(view: TraceView): TraceLayout {
  const minDepth = Math.min(0, ...view.batches.map((b) => b.depth));
  const depthOf = new Map(view.batches.map((b) => [b.id, b.depth]));
  const firstTime = new Map<string, string>();
  for (const edge of view.edges) {
    for (const id of [edge.from, edge.to]) if (!firstTime.has(id) || edge.eventTime < firstTime.get(id)!) firstTime.set(id, edge.eventTime);
  }

  const columnOf = new Map<string, number>();
  for (const batch of view.batches) columnOf.set(batch.id, 2 * (batch.depth - minDepth));
  for (const business of view.businesses) {
    const shippers = view.edges.filter((e) => e.kind === 'shipping' && e.to === business.id).map((e) => depthOf.get(e.from) ?? 0);
    columnOf.set(business.id, 2 * (Math.max(0, ...shippers) - minDepth) + 1);
  }
  // Columns without nodes (no business between two steps) take no room.
  const used = [...new Set(columnOf.values())].sort((a, b) => a - b);
  const slot = new Map(used.map((column, index) => [column, index]));

  const columnIndex = (id: string) => slot.get(columnOf.get(id) ?? 0) ?? 0;
  const at = (column: number, row: number) => ({
    x: MARGIN + column * (NODE_WIDTH + COLUMN_GAP),
    y: MARGIN + row * (NODE_HEIGHT + ROW_GAP),
  });
  const byTime = (a: { id: string; label: string }, b: { id: string; label: string }) =>
    (firstTime.get(a.id) ?? '').localeCompare(firstTime.get(b.id) ?? '') || a.label.localeCompare(b.label);
  const rows = new Map<number, number>();
  const nodes: PlacedNode[] = [];
  for (const { id, node } of view.batches.map((node) => ({ id: node.id, label: node.lotCode, node })).sort(byTime)) {
    const column = columnIndex(id);
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    nodes.push({ kind: 'batch', id, ...at(column, row), batch: node });
  }
  // Businesses go below the batches on either side, so no arrow between two batches runs through one.
  const batchRows = new Map(rows);
  for (const business of view.businesses.map((b) => ({ id: b.id, label: b.name })).sort(byTime)) {
    const column = columnIndex(business.id);
    const row = rows.get(column) ?? Math.max(batchRows.get(column - 1) ?? 0, batchRows.get(column + 1) ?? 0);
    rows.set(column, row + 1);
    nodes.push({ kind: 'business', id: business.id, ...at(column, row), name: business.label });
  }

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: PlacedEdge[] = view.edges.flatMap((edge, index) => {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from || !to) return [];
    const [x1, y1, x2, y2] = [from.x + NODE_WIDTH, from.y + NODE_HEIGHT / 2, to.x, to.y + NODE_HEIGHT / 2];
    const bend = Math.max(24, (x2 - x1) / 2);
    return [
      { key: `${edge.eventId}-${index}`, edge, from, to, path: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}` },
    ];
  });

  const rowsMax = Math.max(1, ...rows.values());
  return {
    width: 2 * MARGIN + used.length * NODE_WIDTH + Math.max(0, used.length - 1) * COLUMN_GAP,
    height: 2 * MARGIN + rowsMax * NODE_HEIGHT + (rowsMax - 1) * ROW_GAP,
    nodes,
    edges,
  };
}
