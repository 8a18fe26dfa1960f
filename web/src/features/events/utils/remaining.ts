import { baseUnitOf, convertQuantity, type BatchBalanceLine, type UnitCode } from '@nguon/shared';

/** The balance line a quantity in this unit is compared with: the same unit, or one of its family (g, kg, t). */
export function lineFor(lines: readonly BatchBalanceLine[], unit: UnitCode | ''): BatchBalanceLine | null {
  if (!unit) return null;
  return lines.find((line) => line.unit !== null && baseUnitOf(line.unit) === baseUnitOf(unit)) ?? null;
}

/**
 * What remains, in the unit the form uses, when the quantity typed is more than that; null when it
 * is not (or cannot be compared: no quantity, another unit, nothing known about the holding).
 */
export function overRemaining(lines: readonly BatchBalanceLine[], quantity: number, unit: UnitCode | ''): number | null {
  const line = lineFor(lines, unit);
  if (!line?.unit || !unit || !(quantity > 0)) return null;
  const remaining = Math.max(convertQuantity(line.remaining, line.unit, unit) ?? line.remaining, 0);
  // Quantities are stored with 6 decimals: less than that over is rounding.
  return quantity > remaining + 1e-6 ? remaining : null;
}
