import type { EntityManager } from 'typeorm';
import { CertificateEntity } from './certificate.entity.js';

/** Whose certificates: businesses' and products', or a batch's (its business's and its product's). */
export type CertificatesOf = { businessIds?: string[]; productIds?: string[] } | { batchId: string };

/**
 * Certificates with their documents, oldest first, in one query: the businesses' own (not those
 * of a product) and those of the given products. A batch's are found from its id in the same
 * query, so a page that knows only the id need not read the batch's row first.
 */
export function loadCertificates(db: EntityManager, of: CertificatesOf): Promise<CertificateEntity[]> {
  const query = db.getRepository(CertificateEntity).createQueryBuilder('c').leftJoinAndSelect('c.document', 'document');
  if ('batchId' in of) {
    query.where(
      '(c.business_id = (SELECT business_id FROM batches WHERE id = :batchId) AND c.product_id IS NULL) OR c.product_id = (SELECT product_id FROM batches WHERE id = :batchId)',
      { batchId: of.batchId },
    );
  } else {
    const businessIds = of.businessIds ?? [];
    const productIds = of.productIds ?? [];
    if (businessIds.length === 0 && productIds.length === 0) return Promise.resolve([]);
    query.where('(c.business_id = ANY(:businessIds::uuid[]) AND c.product_id IS NULL) OR c.product_id = ANY(:productIds::uuid[])', {
      businessIds,
      productIds,
    });
  }
  return query.orderBy('c.created_at', 'ASC').getMany();
}
