import type { AttachmentView, CertificateView, ProductView } from '@nguon/shared';
import type { ProductEntity } from './product.entity.js';

/** What a product view shows beside the product's own row, loaded for many products at once. */
export interface ProductExtras {
  images: AttachmentView[];
  certificates: CertificateView[];
  batchCount: number;
}

export function mapProduct(p: ProductEntity, extras: ProductExtras): ProductView {
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
    images: extras.images,
    certificates: extras.certificates,
    batchCount: extras.batchCount,
    createdAt: p.createdAt.toISOString(),
  };
}
