import type { EntityManager } from 'typeorm';
import { CertificateEntity } from './certificate.entity.js';

/**
 * Certificates with their documents, oldest first, in one query: the businesses' own (not those
 * of a product) and those of the given products.
 */
export function loadCertificates(db: EntityManager, of: { businessIds?: string[]; productIds?: string[] }): Promise<CertificateEntity[]> {
  const businessIds = of.businessIds ?? [];
  const productIds = of.productIds ?? [];
  if (businessIds.length === 0 && productIds.length === 0) return Promise.resolve([]);
  return db
    .getRepository(CertificateEntity)
    .createQueryBuilder('c')
    .leftJoinAndSelect('c.document', 'document')
    .where('(c.business_id = ANY(:businessIds::uuid[]) AND c.product_id IS NULL) OR c.product_id = ANY(:productIds::uuid[])', {
      businessIds,
      productIds,
    })
    .orderBy('c.created_at', 'ASC')
    .getMany();
}
