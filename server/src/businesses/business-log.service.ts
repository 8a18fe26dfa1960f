import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BusinessLogView } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { TransparencyLog } from '../transparency/transparency-log.service.js';
import { certificateHash, statusHash } from './business-log-entries.js';
import { BusinessEntity } from './business.entity.js';
import { findBatchIds } from './businesses.queries.js';
import { CertificateEntity } from './certificate.entity.js';

/**
 * What a verifier of a business needs from the portal (see `BusinessLogView`): its logged records
 * with their proofs beside its status and certificates as stored now, hashes only (a rejected
 * business's reason is not for the public), read in one snapshot so a decision made meanwhile is
 * on both sides or on neither.
 */
@Injectable()
export class BusinessLogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: TransparencyLog,
  ) {}

  businessLog(businessId: string): Promise<BusinessLogView> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const business = await tx.getRepository(BusinessEntity).findOneBy({ id: businessId });
      if (!business) throw new DomainError('BUSINESS_NOT_FOUND');
      const certificates = await tx
        .getRepository(CertificateEntity)
        .find({ where: { businessId }, order: { createdAt: 'ASC', id: 'ASC' } });
      const batchIds = await findBatchIds(tx, businessId);
      return {
        businessId,
        ...(await this.log.provedRecords(businessId, tx)),
        status: { id: businessId, hash: statusHash(business) },
        certificates: certificates.map((certificate) => ({ id: certificate.id, hash: certificateHash(certificate) })),
        batchIds,
      };
    });
  }
}
