import type { LocalizedText } from '../i18n/locale.js';
import type { UnitCode } from '../vocab/units.js';

export interface CreateProductRequest {
  name: LocalizedText;
  description?: LocalizedText;
  category: string;
  brand?: string;
  imageUrl?: string;
  /** 8, 12, 13 or 14 digits with a valid check digit; stored as GTIN-14. */
  gtin?: string;
  unit: UnitCode;
  shelfLifeDays?: number;
  standards?: string[];
}

export interface ProductView {
  id: string;
  businessId: string;
  name: LocalizedText;
  description: LocalizedText | null;
  category: string;
  brand: string | null;
  imageUrl: string | null;
  gtin: string | null;
  unit: UnitCode;
  shelfLifeDays: number | null;
  standards: string[];
  createdAt: string;
}
