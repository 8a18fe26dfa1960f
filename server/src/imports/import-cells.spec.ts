import { describe, expect, it } from '@jest/globals';
import { parseDate, parseDateTime, parsePassed, parseQuantity, parseStage, parseUnit, plainName } from './import-cells.js';

const value = <T>(cell: { ok: true; value: T } | { ok: false }) => (cell.ok ? cell.value : 'refused');

describe('reading spreadsheet cells', () => {
  it('reads dates as Vietnamese and ISO write them, and refuses days that do not exist', () => {
    expect(
      ['01/10/2026', '1/10/2026', '01.10.2026', '2026-10-01', '31/02/2026', '10/31/2026', 'hôm qua'].map((t) => value(parseDate(t))),
    ).toEqual(['2026-10-01', '2026-10-01', '2026-10-01', '2026-10-01', 'refused', 'refused', 'refused']);
  });

  it('reads times in Vietnam time unless they carry an offset', () => {
    expect(
      ['15/10/2026 07:30', '2026-10-15T07:30:00', '15/10/2026', '2026-10-15T07:30:00Z', '15/10/2026 25:00'].map((t) =>
        value(parseDateTime(t)),
      ),
    ).toEqual(['2026-10-15T07:30:00+07:00', '2026-10-15T07:30:00+07:00', '2026-10-15T00:00:00+07:00', '2026-10-15T07:30:00Z', 'refused']);
  });

  it('reads quantities with decimal commas and thousands groups, and refuses what is not positive', () => {
    expect(['1200', '1.200', '1.200,5', '12,5', '1,200', '0,25', '0', '-5', 'nhiều'].map((t) => value(parseQuantity(t)))).toEqual([
      1200,
      1200,
      1200.5,
      12.5,
      1200,
      0.25,
      'refused',
      'refused',
      'refused',
    ]);
  });

  it('knows units by code and by name in either language', () => {
    expect(['KGM', 'kg', 'lít', 'litres', 'Cái', 'thùng', 'bao tải'].map((t) => value(parseUnit(t)))).toEqual([
      'KGM',
      'KGM',
      'LTR',
      'LTR',
      'H87',
      'XCT',
      'refused',
    ]);
  });

  it('knows stages by key and by name with or without diacritics, and refuses processing and registration', () => {
    expect(
      ['Thu hoạch', 'thu hoach', 'HARVESTING', 'Kiểm nghiệm', 'Inspection', 'retail', 'Chế biến', 'registration', 'tưới'].map((t) =>
        value(parseStage(t)),
      ),
    ).toEqual(['harvesting', 'harvesting', 'harvesting', 'inspecting', 'inspecting', 'retail', 'refused', 'refused', 'refused']);
  });

  it('reads passed as yes or no in either language', () => {
    expect(['Đạt', 'không đạt', 'yes', 'No', 'x', 'có lẽ'].map((t) => value(parsePassed(t)))).toEqual([
      true,
      false,
      true,
      false,
      true,
      'refused',
    ]);
  });

  it('compares names without case, diacritics or extra spaces', () => {
    expect(plainName('  Vườn  Bưởi Đông ')).toBe('vuon buoi dong');
  });
});
