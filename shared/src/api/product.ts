import type { LocalizedText } from '../i18n/locale.js';
import type { UnitCode } from '../vocab/units.js';
import type { AttachmentView } from './attachment.js';
import type { CertificateView } from './business.js';

export interface CreateProductRequest {
  name: LocalizedText;
  description?: LocalizedText;
  category: string;
  brand?: string;
  /** A picture hosted elsewhere; uploaded `images` take its place as the main image. */
  imageUrl?: string;
  /** 8, 12, 13 or 14 digits with a valid check digit; stored as GTIN-14. */
  gtin?: string;
  unit: UnitCode;
  shelfLifeDays?: number;
  standards?: string[];
  /** Uploaded photos (attachment ids of the same business), in order; the first is the main image. */
  images?: string[];
}

/**
 * A change to a product: only the fields given change; `null` clears an optional field. The GTIN
 * cannot change once the product has batches, since it is printed in their QR codes.
 */
export interface UpdateProductRequest {
  name?: LocalizedText;
  description?: LocalizedText | null;
  category?: string;
  brand?: string | null;
  imageUrl?: string | null;
  gtin?: string | null;
  unit?: UnitCode;
  shelfLifeDays?: number | null;
  standards?: string[];
  images?: string[];
}

export interface ProductView {
  id: string;
  businessId: string;
  name: LocalizedText;
  description: LocalizedText | null;
  category: string;
  brand: string | null;
  /** The main image: the first uploaded image, or else the external picture. */
  imageUrl: string | null;
  gtin: string | null;
  unit: UnitCode;
  shelfLifeDays: number | null;
  standards: string[];
  images: AttachmentView[];
  certificates: CertificateView[];
  batchCount: number;
  createdAt: string;
}
