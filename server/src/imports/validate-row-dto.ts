import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { translateFieldErrors } from '../common/validation/field-error-messages.js';
import type { RowProblems } from './row-problems.js';

/**
 * Builds a row's request DTO and runs the same class-validator rules the API's forms pass, so a
 * row the check lets through is one the recording use case accepts. Each refusal is reported at
 * the column the DTO property came from, worded with the column's name.
 */
export function validateRowDto<T extends object>(
  type: ClassConstructor<T>,
  plain: Record<string, unknown>,
  row: number,
  columnOf: Record<string, string>,
  problems: RowProblems,
): T {
  const dto = plainToInstance(type, plain);
  // Synchronously: no rule is asynchronous, and a file's 10,000 rows would make a promise of every constraint.
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  const report = (error: ValidationError, path: string) => {
    // Nested items (`bizTransactions.0.id`) map to one column whatever their index.
    const column = columnOf[path.replace(/\.\d+(?=\.|$)/g, '')] ?? path;
    // A cell whose text could not be read is already reported, and its property left empty.
    if (problems.has({ row, column })) return;
    for (const message of Object.values(error.constraints ?? {})) {
      const en = message.replace(new RegExp(`^${error.property}\\b`), column);
      const vi = translateFieldErrors({ [column]: [en] }, 'vi')[column]![0]!;
      problems.add({ row, column }, { vi, en });
    }
    error.children?.forEach((child) => report(child, `${path}.${child.property}`));
  };
  errors.forEach((error) => report(error, error.property));
  return dto;
}
