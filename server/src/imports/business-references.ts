import { isValidGln, parseGtin } from '@nguon/shared';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { plainName, type Cell } from './import-cells.js';
import { loadLocationRefs, loadProductRefs, type LocationRef, type ProductRef } from './import-references.queries.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';

/** Whether a cell names this product: its id, its GTIN (any length), or its name in either language. */
export function namesProduct(text: string, product: ProductRef): boolean {
  const gtin = parseGtin(text);
  if (gtin.ok) return product.gtin === gtin.gtin14;
  const name = plainName(text);
  return product.id === text || plainName(product.nameVi) === name || plainName(product.nameEn) === name;
}

function pick<T>(found: T[], text: string, kind: 'product' | 'location'): Cell<T> {
  if (found.length === 1) return { ok: true, value: found[0]! };
  return {
    ok: false,
    problem: found.length === 0 ? RULE_MESSAGES.imports.unknownReference(kind, text) : RULE_MESSAGES.imports.ambiguousReference(kind, text),
  };
}

/** The business's products and locations, as read: plain data, which another thread can take. */
export interface ReferenceData {
  products: ProductRef[];
  locations: LocationRef[];
}

/**
 * The business's products and locations, read once per file (two queries), so each row's
 * reference is matched in memory: by id, GTIN or GLN, or by name without regard to case or diacritics.
 */
export class BusinessReferences {
  /** Built where the rows are checked (another thread), from what `load` read. */
  constructor(private readonly data: ReferenceData) {}

  static async load(db: EntityManager, businessId: string): Promise<ReferenceData> {
    const [products, locations] = await Promise.all([loadProductRefs(db, businessId), loadLocationRefs(db, businessId)]);
    return { products, locations };
  }

  product(text: string): Cell<ProductRef> {
    return pick(
      this.data.products.filter((p) => namesProduct(text, p)),
      text,
      'product',
    );
  }

  location(text: string): Cell<LocationRef> {
    const name = plainName(text);
    const found = isValidGln(text)
      ? this.data.locations.filter((l) => l.gln === text)
      : isUUID(text)
        ? this.data.locations.filter((l) => l.id === text)
        : this.data.locations.filter((l) => plainName(l.name) === name);
    return pick(found, text, 'location');
  }
}
