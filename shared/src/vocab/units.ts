import type { LocalizedText } from '../i18n/locale.js';

/** The UN/CEFACT Recommendation 20 unit codes the portal offers, with display names. */
export const UNITS = {
  KGM: { vi: 'kg', en: 'kg' },
  GRM: { vi: 'g', en: 'g' },
  TNE: { vi: 'tấn', en: 'tonne' },
  LTR: { vi: 'lít', en: 'litre' },
  MLT: { vi: 'ml', en: 'ml' },
  H87: { vi: 'cái', en: 'piece' },
  XBX: { vi: 'hộp', en: 'box' },
  XBO: { vi: 'chai', en: 'bottle' },
  XCT: { vi: 'thùng', en: 'carton' },
  XBG: { vi: 'túi', en: 'bag' },
  XJR: { vi: 'hũ', en: 'jar' },
} as const satisfies Record<string, LocalizedText>;

export type UnitCode = keyof typeof UNITS;
export const UNIT_CODES = Object.keys(UNITS) as UnitCode[];

/**
 * Units that measure the same thing on one scale: a quantity in one converts exactly into its
 * family's base unit (mass in kilograms, volume in litres). Units outside a family (pieces,
 * cartons, bottles...) are their own base: the portal never converts between unrelated units.
 */
export const UNIT_SCALES: Partial<Record<UnitCode, { base: UnitCode; factor: number }>> = {
  GRM: { base: 'KGM', factor: 0.001 },
  TNE: { base: 'KGM', factor: 1000 },
  MLT: { base: 'LTR', factor: 0.001 },
};

/** The base unit a unit is compared in (itself unless it belongs to a family). */
export function baseUnitOf(unit: UnitCode): UnitCode {
  return UNIT_SCALES[unit]?.base ?? unit;
}

/** A quantity in one unit, in another of the same family (the same unit gives it back); null when unrelated. */
export function convertQuantity(quantity: number, from: UnitCode, to: UnitCode): number | null {
  if (from === to) return quantity;
  if (baseUnitOf(from) !== baseUnitOf(to)) return null;
  const inBase = quantity * (UNIT_SCALES[from]?.factor ?? 1);
  // Rounded to the 6 decimals quantities are stored with, so 0.1 t is 100 kg and not 100.00000000000001.
  return Math.round((inBase / (UNIT_SCALES[to]?.factor ?? 1)) * 1e6) / 1e6;
}
