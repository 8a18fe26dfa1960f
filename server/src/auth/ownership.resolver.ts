import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { RecordsService } from '../records/records.service.js';
import type { OwnedTarget, ShownTarget } from './access-rule.js';
import { findBusinessStatus } from './business-status.queries.js';
import {
  findBatchOrProductOwners,
  findBatchRecorders,
  findBusinessId,
  findCaptureJobOwner,
  findImportOwner,
  findLocationOwner,
  findProductOwner,
  findShownBusiness,
} from './ownership.queries.js';
import type { Principal } from './principal.js';
import { TenancyPolicy } from './tenancy.policy.js';

/**
 * Finds which businesses may act on the thing a request touches: one indexed query per request.
 * An id that is not a UUID names nothing; in the path that is a 404, in the body a 400.
 */
@Injectable()
export class OwnershipResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly records: RecordsService,
  ) {}

  async candidates(target: OwnedTarget, request: FastifyRequest): Promise<string[]> {
    switch (target.kind) {
      case 'business': {
        const id = this.pathId(target.id(request));
        const businessId = await findBusinessId(this.db.manager, id);
        if (!businessId) throw new DomainError('BUSINESS_NOT_FOUND');
        return [businessId];
      }
      case 'product': {
        const id = target.inPath ? this.pathId(target.id(request)) : this.bodyId(target.id(request), 'productId');
        const businessId = await findProductOwner(this.db.manager, id);
        if (!businessId)
          throw new DomainError(
            'PRODUCT_NOT_FOUND',
            undefined,
            target.inPath ? undefined : { productId: [RULE_MESSAGES.products.noSuchProduct] },
          );
        return [businessId];
      }
      case 'location': {
        const businessId = await findLocationOwner(this.db.manager, this.pathId(target.id(request)));
        if (!businessId) throw new DomainError('LOCATION_NOT_FOUND');
        return [businessId];
      }
      case 'batch': {
        const id = this.pathId(target.id(request));
        // The producer first, then the businesses the batch was shipped to (one step forward).
        const businessIds = await this.records.custodians(id, target.recipients?.(request) ?? false);
        if (!businessIds.length) throw new DomainError('BATCH_NOT_FOUND');
        return businessIds;
      }
      case 'batch_records': {
        const businessIds = await findBatchRecorders(this.db.manager, this.pathId(target.id(request)));
        if (!businessIds.length) throw new DomainError('BATCH_NOT_FOUND');
        return businessIds;
      }
      case 'capture_job': {
        const businessId = await findCaptureJobOwner(this.db.manager, this.pathId(target.id(request)));
        if (!businessId) throw new DomainError('NOT_FOUND');
        return [businessId];
      }
      case 'import': {
        const businessId = await findImportOwner(this.db.manager, this.pathId(target.id(request)));
        if (!businessId) throw new DomainError('NOT_FOUND');
        return [businessId];
      }
      case 'batches': {
        const ids = target.ids(request);
        if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && isUUID(id))) {
          // Leave the exact field messages to validation; nothing to authorise against yet.
          throw new DomainError('VALIDATION_FAILED', RULE_MESSAGES.auth.batchListInvalid);
        }
        // Processing outputs name existing batches, or the products of batches they make.
        const businessIds = await findBatchOrProductOwners(this.db.manager, ids);
        if (!businessIds.length) throw new DomainError('BATCH_NOT_FOUND');
        return businessIds;
      }
    }
  }

  /** A public read of an unverified business's records, by someone outside it, is told it does not exist. */
  async refuseIfHidden(target: ShownTarget, request: FastifyRequest, principal: Principal | null): Promise<void> {
    const business = await findShownBusiness(this.db.manager, target.kind, this.pathId(target.id(request)));
    if (!business || !TenancyPolicy.seesBusiness(principal, business)) {
      throw new DomainError(target.kind === 'business' ? 'BUSINESS_NOT_FOUND' : 'LOCATION_NOT_FOUND');
    }
  }

  /** A suspended business keeps its pages as they were when it was suspended. */
  async refuseIfSuspended(businessId: string): Promise<void> {
    if ((await findBusinessStatus(this.db.manager, businessId)) === 'suspended') throw new DomainError('BUSINESS_SUSPENDED');
  }

  private pathId(value: unknown): string {
    if (typeof value !== 'string' || !isUUID(value)) throw new DomainError('NOT_FOUND');
    return value;
  }

  private bodyId(value: unknown, field: string): string {
    if (typeof value !== 'string' || !isUUID(value)) {
      throw new DomainError('VALIDATION_FAILED', undefined, { [field]: [`${field} must be a UUID`] });
    }
    return value;
  }
}
