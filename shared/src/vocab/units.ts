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
