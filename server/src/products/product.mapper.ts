import type { ProductView } from '@nguon/shared';
import type { ProductEntity } from './product.entity.js';

export function mapProduct(p: ProductEntity): ProductView {
  return {
    id: p.id,
    businessId: p.businessId,
    name: { vi: p.nameVi, en: p.nameEn },
    description: p.descriptionVi ? { vi: p.descriptionVi, en: p.descriptionEn ?? p.descriptionVi } : null,
    category: p.category,
    brand: p.brand,
    imageUrl: p.imageUrl,
    gtin: p.gtin,
    unit: p.unit,
    shelfLifeDays: p.shelfLifeDays,
    standards: p.standards,
    createdAt: p.createdAt.toISOString(),
  };
}
