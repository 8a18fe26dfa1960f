import { isValidGln, parseGtin } from '@nguon/shared';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { plainName, type Cell } from './import-cells.js';

export interface ProductRef {
  id: string;
  gtin: string | null;
  nameVi: string;
  nameEn: string;
}

export interface LocationRef {
  id: string;
  name: string;
  gln: string | null;
}

/** Whether a cell names this product: its id, its GTIN (any length), or its name in either language. */
export function namesProduct(text: string, product: ProductRef): boolean {
  const gtin = parseGtin(text);
  if (gtin.ok) return product.gtin === gtin.gtin14;
  const name = plainName(text);
  return product.id === text || plainName(product.nameVi) === name || plainName(product.nameEn) === name;
}

function pick<T>(found: T[], text: string, what: { vi: string; en: string }): Cell<T> {
  if (found.length === 1) return { ok: true, value: found[0]! };
  return found.length === 0
    ? { ok: false, problem: { vi: `Doanh nghiệp không có ${what.vi} "${text}"`, en: `You have no ${what.en} "${text}"` } }
    : {
        ok: false,
        problem: {
          vi: `Có nhiều ${what.vi} tên "${text}": hãy dùng mã GTIN/GLN`,
          en: `Several ${what.en}s are called "${text}": use the GTIN/GLN`,
        },
      };
}

/**
 * The business's products and locations, read once per file (two queries), so each row's
 * reference is matched in memory: by id, GTIN or GLN, or by name without regard to case or diacritics.
 */
export class BusinessReferences {
  private constructor(
    readonly products: ProductRef[],
    private readonly locations: LocationRef[],
  ) {}

  static async load(db: EntityManager, businessId: string): Promise<BusinessReferences> {
    const [products, locations] = await Promise.all([
      db.query(`SELECT id, gtin, name_vi AS "nameVi", name_en AS "nameEn" FROM products WHERE business_id = $1`, [businessId]) as Promise<
        ProductRef[]
      >,
      db.query(`SELECT id, name, gln FROM locations WHERE business_id = $1`, [businessId]) as Promise<LocationRef[]>,
    ]);
    return new BusinessReferences(products, locations);
  }

  product(text: string): Cell<ProductRef> {
    return pick(
      this.products.filter((p) => namesProduct(text, p)),
      text,
      { vi: 'sản phẩm', en: 'product' },
    );
  }

  location(text: string): Cell<LocationRef> {
    const name = plainName(text);
    const found = isValidGln(text)
      ? this.locations.filter((l) => l.gln === text)
      : isUUID(text)
        ? this.locations.filter((l) => l.id === text)
        : this.locations.filter((l) => plainName(l.name) === name);
    return pick(found, text, { vi: 'địa điểm', en: 'location' });
  }
}
