import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BusinessView, CertificateView } from '@nguon/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { BatchChanges } from '../common/cache/batch-changes.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { LogSubmissions } from '../transparency/log-submissions.js';
import { certificateEntry } from './business-log-entries.js';
import { mapCertificate } from './business.mapper.js';
import { findHolderBatchIds } from './businesses.queries.js';
import { BusinessesService } from './businesses.service.js';
import { CertificateEntity } from './certificate.entity.js';
import { loadCertificates, type CertificatesOf } from './certificate.queries.js';
import type { CreateCertificateDto, UpdateCertificateDto } from './dto/create-certificate.dto.js';

/** Whose certificate: the acting business's own, or one of its products'. */
export interface CertificateHolder {
  businessId: string;
  productId: string | null;
}

/**
 * Certificates of a business or of one of its products, with an optional document. They show on
 * the consumer pages of the holder's batches, so every change invalidates those pages.
 */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditTrail,
    private readonly changes: BatchChanges,
    private readonly businesses: BusinessesService,
    private readonly log: LogSubmissions,
  ) {}

  async addBusinessCertificate(actor: Actor, dto: CreateCertificateDto): Promise<BusinessView> {
    await this.addCertificate(actor, businessHolder(actor), dto);
    return this.businesses.getBusiness(actor.businessId!);
  }

  async updateBusinessCertificate(actor: Actor, certificateId: string, dto: UpdateCertificateDto): Promise<BusinessView> {
    await this.updateCertificate(actor, businessHolder(actor), certificateId, dto);
    return this.businesses.getBusiness(actor.businessId!);
  }

  removeBusinessCertificate(actor: Actor, certificateId: string): Promise<void> {
    return this.removeCertificate(actor, businessHolder(actor), certificateId);
  }

  /**
   * Certificates as the API shows them, oldest first, in one query: the businesses' own and those
   * of the products (what products and the consumer's pages show); read with `manager` when given
   * (a page's reads together, PageReads).
   */
  async certificatesOf(of: CertificatesOf, manager = this.db.manager): Promise<CertificateView[]> {
    return (await loadCertificates(manager, of)).map((c) => mapCertificate(c));
  }

  async addCertificate(actor: Actor, holder: CertificateHolder, dto: CreateCertificateDto): Promise<string> {
    checkDates(dto.validFrom ?? null, dto.validTo ?? null);
    const id = await this.db.transaction(async (tx) => {
      await this.checkDocument(tx, holder.businessId, dto.documentAttachmentId);
      const saved = await tx.getRepository(CertificateEntity).save(
        tx.getRepository(CertificateEntity).create({
          businessId: holder.businessId,
          productId: holder.productId,
          kind: dto.kind,
          name: dto.name,
          number: dto.number ?? null,
          issuer: dto.issuer,
          validFrom: dto.validFrom ?? null,
          validTo: dto.validTo ?? null,
          stars: dto.stars ?? null,
          documentAttachmentId: dto.documentAttachmentId ?? null,
        }),
      );
      await this.logAsStored(tx, saved.id);
      await this.audit.record(tx, actor, {
        action: 'certificate.add',
        targetType: 'certificate',
        targetId: saved.id,
        businessId: holder.businessId,
        details: { kind: dto.kind, name: dto.name, productId: holder.productId, documentAttachmentId: saved.documentAttachmentId },
      });
      return saved.id;
    });
    await this.pagesChanged(holder);
    return id;
  }

  async updateCertificate(actor: Actor, holder: CertificateHolder, certificateId: string, dto: UpdateCertificateDto): Promise<void> {
    await this.db.transaction(async (tx) => {
      const current = await this.lockOrFail(tx, holder, certificateId);
      checkDates(
        dto.validFrom !== undefined ? dto.validFrom : current.validFrom,
        dto.validTo !== undefined ? dto.validTo : current.validTo,
      );
      await this.checkDocument(tx, holder.businessId, dto.documentAttachmentId);
      await tx.getRepository(CertificateEntity).update({ id: certificateId }, { ...dto });
      await this.logAsStored(tx, certificateId);
      await this.audit.record(tx, actor, {
        action: 'certificate.update',
        targetType: 'certificate',
        targetId: certificateId,
        businessId: holder.businessId,
        details: { ...dto },
      });
    });
    await this.pagesChanged(holder);
  }

  async removeCertificate(actor: Actor, holder: CertificateHolder, certificateId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const current = await this.lockOrFail(tx, holder, certificateId);
      await tx.getRepository(CertificateEntity).delete({ id: certificateId });
      await this.log.submit(tx, [certificateEntry(current, true)]);
      await this.audit.record(tx, actor, {
        action: 'certificate.remove',
        targetType: 'certificate',
        targetId: certificateId,
        businessId: holder.businessId,
        details: { kind: current.kind, name: current.name, number: current.number, productId: current.productId },
      });
    });
    await this.pagesChanged(holder);
  }

  /** Queues the certificate for the transparency log as stored, read back: what the log holds is what a check recomputes. */
  private async logAsStored(tx: EntityManager, certificateId: string): Promise<void> {
    await this.log.submit(tx, [certificateEntry(await tx.getRepository(CertificateEntity).findOneByOrFail({ id: certificateId }))]);
  }

  /** The certificate, if it is the holder's (another business's looks the same as none). */
  private async lockOrFail(tx: EntityManager, holder: CertificateHolder, certificateId: string): Promise<CertificateEntity> {
    const certificate = await tx
      .getRepository(CertificateEntity)
      .findOne({ where: { id: certificateId }, lock: { mode: 'pessimistic_write' } });
    if (!certificate || certificate.businessId !== holder.businessId || certificate.productId !== holder.productId)
      throw new DomainError('CERTIFICATE_NOT_FOUND');
    return certificate;
  }

  private async checkDocument(tx: EntityManager, businessId: string, attachmentId: string | null | undefined): Promise<void> {
    if (attachmentId) await this.attachments.findOwned(tx, businessId, [attachmentId], 'documentAttachmentId');
  }

  /** The producer's certificates show on all its batches' pages, a product's on that product's. */
  private async pagesChanged(holder: CertificateHolder): Promise<void> {
    await this.changes.publish(await findHolderBatchIds(this.db.manager, holder.businessId, holder.productId));
  }
}

function businessHolder(actor: Actor): CertificateHolder {
  return { businessId: actor.businessId!, productId: null };
}

function checkDates(validFrom: string | null, validTo: string | null): void {
  if (validFrom && validTo && validTo < validFrom) {
    throw new DomainError('VALIDATION_FAILED', undefined, {
      validTo: [RULE_MESSAGES.businesses.certificateEndsBeforeStart],
    });
  }
}
