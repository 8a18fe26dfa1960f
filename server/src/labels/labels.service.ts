import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { labelsPerPage, labelTemplate } from '@nguon/shared';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { BatchLinks } from '../batch-store/batch-links.service.js';
import type { BatchWithProduct } from '../batch-store/find-batch.js';
import { BatchesService } from '../batches/batches.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import type { LabelSheetQueryDto } from './dto/label-sheet-query.dto.js';
import { labelSheetPdf, type LabelContent } from './label-sheet.js';

export interface LabelSheetFile {
  fileName: string;
  pdf: Readable;
}

/** `2026-12-31` as printed on Vietnamese packaging: `31/12/2026`. */
const printedDate = (isoDate: string) => isoDate.split('-').reverse().join('/');

/** Printable label sheets of a batch, for its producer (and inspectors and administrators: the route's access rule). */
@Injectable()
export class LabelsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly batches: BatchesService,
    private readonly audit: AuditTrail,
    private readonly links: BatchLinks,
  ) {}

  async labelSheet(actor: Actor, batchId: string, query: LabelSheetQueryDto): Promise<LabelSheetFile> {
    const batch = await this.batches.findOrFail(batchId);
    if (batch.status === 'recalled') {
      throw new DomainError('BATCH_RECALLED', RULE_MESSAGES.labels.recalled);
    }
    const template = labelTemplate(query.template);
    const perPage = labelsPerPage(template);
    if (query.startAt > perPage) {
      throw new DomainError('VALIDATION_FAILED', undefined, {
        startAt: [RULE_MESSAGES.labels.startPosition(perPage)],
      });
    }
    const count = query.count ?? perPage;
    // Printed labels put the batch's code into the world: kept in the trail, and the business's
    // first steps (its overview's checklist) count labels printed from it.
    await this.audit.record(this.db.manager, actor, {
      action: 'batch.labels_print',
      targetType: 'batch',
      targetId: batch.id,
      businessId: batch.businessId,
      details: { template: template.id, count },
    });
    const pdf = await labelSheetPdf(this.labelContent(batch), { template, count, startAt: query.startAt });
    // Lot codes may hold characters a file name cannot (`/`, `"`...).
    return { fileName: `nhan-${batch.lotCode.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`, pdf };
  }

  /** What a label says, in Vietnamese as packaging in Vietnam must. */
  private labelContent(batch: BatchWithProduct): LabelContent {
    const date = batch.expiryDate
      ? `HSD: ${printedDate(batch.expiryDate)}`
      : batch.bestBeforeDate
        ? `Tốt nhất trước: ${printedDate(batch.bestBeforeDate)}`
        : null;
    return {
      url: this.links.identityUrlOf(batch),
      product: batch.product.nameVi,
      details: [`Lô: ${batch.lotCode}`, ...(date ? [date] : []), `Mã: ${batch.shortCode}`],
      title: `${batch.product.nameVi} – lô ${batch.lotCode}`,
    };
  }
}
