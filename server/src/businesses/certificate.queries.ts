import type { EntityManager } from 'typeorm';
import { CertificateEntity } from './certificate.entity.js';

/** Whose certificates: businesses' own, products', and batches' (their business's own and their product's). */
export interface CertificatesOf {
  businessIds?: string[];
  productIds?: string[];
  batchIds?: string[];
}

/**
 * Certificates with their documents, oldest first, in one query: the businesses' own (not those
 * of a product) and those of the given products. A batch's are found from its id in the same
 * query, so a page that knows only the id need not read the batch's row first.
 */
export function loadCertificates(db: EntityManager, of: CertificatesOf): Promise<CertificateEntity[]> {
  const { businessIds = [], productIds = [], batchIds = [] } = of;
  if (businessIds.length === 0 && productIds.length === 0 && batchIds.length === 0) return Promise.resolve([]);
  const ofBatches = (column: string) => `ARRAY(SELECT ${column} FROM batches WHERE id = ANY(:batchIds::uuid[]))`;
  return db
    .getRepository(CertificateEntity)
    .createQueryBuilder('c')
    .leftJoinAndSelect('c.document', 'document')
    .where(
      `(c.business_id = ANY(:businessIds::uuid[] || ${ofBatches('business_id')}) AND c.product_id IS NULL)
        OR c.product_id = ANY(:productIds::uuid[] || ${ofBatches('product_id')})`,
      { businessIds, productIds, batchIds },
    )
    .orderBy('c.created_at', 'ASC')
    .getMany();
}
