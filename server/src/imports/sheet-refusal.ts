import type { LocalizedText } from '@nguon/shared';

/** The limits a spreadsheet is read under (see `ImportLimits` in the configuration). */
export interface SheetLimits {
  rows: number;
  columns: number;
  cellChars: number;
  uncompressedBytes: number;
}

/** Which limit a file went past: the configured ones, or the reader's own time and memory. */
export type SheetLimit = keyof SheetLimits | 'seconds' | 'memory';

/** Why a file cannot be read, as plain data: it crosses from the worker thread that read the file. */
export type SheetRefusal = { kind: 'limit'; limit: SheetLimit; max: number } | { kind: 'unreadable'; row?: number; text: LocalizedText };

export class SheetRefused extends Error {
  constructor(readonly refusal: SheetRefusal) {
    super(refusal.kind === 'limit' ? `over the ${refusal.limit} limit` : refusal.text.en);
  }
}

export const overLimit = (limit: SheetLimit, max: number) => new SheetRefused({ kind: 'limit', limit, max });
export const unreadable = (text: LocalizedText, row?: number) => new SheetRefused({ kind: 'unreadable', text, ...(row ? { row } : {}) });
