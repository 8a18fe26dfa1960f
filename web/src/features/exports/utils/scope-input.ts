import type { ExportScope, LotReference, TraceDirection } from '@nguon/shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GTIN_THEN_LOT = /^(\d{8,14})\s+(\S+)$/;

/** What the scope form holds, as typed. */
export interface ScopeInput {
  kind: ExportScope['kind'];
  traceStart: string;
  traceGtin: string;
  direction: TraceDirection;
  depth: string;
  product: string;
  from: string;
  to: string;
  lots: string;
}

export const EMPTY_SCOPE_INPUT: ScopeInput = {
  kind: 'lots',
  traceStart: '',
  traceGtin: '',
  direction: 'both',
  depth: '20',
  product: '',
  from: '',
  to: '',
  lots: '',
};

/** One lot per line: "LOT" or "GTIN LOT"; blank lines are skipped. */
export function parseLotLines(text: string): LotReference[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = GTIN_THEN_LOT.exec(line);
      return match ? { gtin: match[1]!, lotCode: match[2]! } : { lotCode: line };
    });
}

/** The lines of the list without the lots at these places (counted as `parseLotLines` counts them). */
export function withoutLots(text: string, places: ReadonlySet<number>): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.filter((_, index) => !places.has(index)).join('\n');
}

/** The places in the list of the lots the server could not find (`batches.3.lotCode` → 3). */
export function unknownLotPlaces(fieldErrors: Record<string, string[]>): Set<number> {
  return new Set(
    Object.keys(fieldErrors).flatMap((field) => {
      const match = /^lots\.(\d+)\./.exec(field);
      return match ? [Number(match[1])] : [];
    }),
  );
}

/** Midnight at the start of a `YYYY-MM-DD` day (plus `days`) in the reader's time zone, with its offset. */
export function localMidnight(day: string, days = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const midnight = new Date(year, month - 1, date + days);
  const offset = -midnight.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const yyyy = midnight.getFullYear();
  return `${yyyy}-${pad(midnight.getMonth() + 1)}-${pad(midnight.getDate())}T00:00:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** The scope the form describes; the server checks it (and says which field is wrong). */
export function toScope(input: ScopeInput): ExportScope {
  switch (input.kind) {
    case 'trace': {
      const start = input.traceStart.trim();
      const depth = Number(input.depth) || undefined;
      const gtin = input.traceGtin.trim();
      return UUID.test(start)
        ? { kind: 'trace', batchId: start, direction: input.direction, depth }
        : { kind: 'trace', lot: { lotCode: start, ...(gtin ? { gtin } : {}) }, direction: input.direction, depth };
    }
    case 'product': {
      const product = input.product.trim();
      // The end day is included: the range runs to the next midnight.
      const range = { from: input.from ? localMidnight(input.from) : '', to: input.to ? localMidnight(input.to, 1) : '' };
      return UUID.test(product) ? { kind: 'product', productId: product, ...range } : { kind: 'product', gtin: product, ...range };
    }
    case 'lots':
      return { kind: 'lots', lots: parseLotLines(input.lots) };
  }
}
