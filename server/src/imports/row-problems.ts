import { IMPORT_COLUMNS, importProblemKey, type ImportKind, type ImportProblemPlace, type LocalizedText } from '@nguon/shared';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { Cell } from './import-cells.js';

/**
 * Every problem of a file, collected before anything is stored, then answered at once as one
 * 422 whose field errors name the spreadsheet row and column of each.
 */
export class RowProblems {
  private readonly byPlace: Map<string, LocalizedText[]>;

  constructor(entries: [string, LocalizedText[]][] = []) {
    this.byPlace = new Map(entries);
  }

  /** The problems by place, as another thread sends them (`new RowProblems(entries)` takes them back). */
  entries(): [string, LocalizedText[]][] {
    return [...this.byPlace];
  }

  static single(place: ImportProblemPlace, text: LocalizedText): DomainError {
    const problems = new RowProblems();
    problems.add(place, text);
    return problems.toError();
  }

  /** Records a problem unless its place already has one. */
  add(place: ImportProblemPlace, text: LocalizedText): void {
    const key = importProblemKey(place);
    if (!this.byPlace.has(key)) this.byPlace.set(key, [text]);
  }

  /** Whether this place already has a problem: a cell is reported once, with the first problem found. */
  has(place: ImportProblemPlace): boolean {
    return this.byPlace.has(importProblemKey(place));
  }

  get size(): number {
    return this.byPlace.size;
  }

  toError(): DomainError {
    return new DomainError('IMPORT_FILE_INVALID', undefined, Object.fromEntries(this.byPlace));
  }

  throwIfAny(): void {
    if (this.byPlace.size) throw this.toError();
  }
}

/** A file's rows as checked: those that passed, and every problem found. */
export interface RowsPlanned<T> {
  planned: T[];
  problems: RowProblems;
}

/** Each required column's cell must be filled in. */
export function requireCells(kind: ImportKind, row: number, cells: Partial<Record<string, string>>, problems: RowProblems): void {
  for (const column of IMPORT_COLUMNS[kind]) {
    if (column.required && cells[column.key] === undefined)
      problems.add({ row, column: column.key }, RULE_MESSAGES.imports.requiredCellEmpty);
  }
}

/** Reads a row's filled cells, each with its parser; a cell that cannot be read is recorded at its place and gives nothing. */
export function cellReader(row: number, cells: Partial<Record<string, string>>, problems: RowProblems) {
  return <T>(column: string, parse: (text: string) => Cell<T>): T | undefined => {
    const text = cells[column];
    if (text === undefined || problems.has({ row, column })) return undefined;
    const cell = parse(text);
    if (!cell.ok) problems.add({ row, column }, cell.problem);
    return cell.ok ? cell.value : undefined;
  };
}
