import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConsumerReportReceipt, Locale } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { AttachmentFilesService } from '../attachments/attachment-files.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { findBatchProducer, flagConsumerReport, insertConsumerReport } from './consumer-reports.queries.js';
import type { ConsumerReportDto } from './dto/consumer-report.dto.js';

/** What consumers tell the portal about a batch: a report for inspectors, with an optional photo. */
@Injectable()
export class ConsumerReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly files: AttachmentFilesService,
  ) {}

  async report(batchId: string, dto: ConsumerReportDto, locale: Locale): Promise<ConsumerReportReceipt> {
    const producerId = await findBatchProducer(this.db.manager, batchId);
    if (producerId === null) throw new DomainError('BATCH_NOT_FOUND');
    const photo = dto.photo ? this.checkedPhoto(dto.photo.base64, dto.photo.contentType) : null;
    // Kept with the files of the business whose product it shows.
    const photoKey = photo ? `${producerId}/${randomUUID()}` : null;
    if (photo && photoKey) await this.files.put(photoKey, photo);
    try {
      return await this.db.transaction(async (tx) => {
        const report = await insertConsumerReport(tx, {
          batchId,
          category: dto.category,
          message: dto.message,
          contact: dto.contact ?? null,
          photoKey,
          photoType: photo ? dto.photo!.contentType : null,
          locale,
        });
        await flagConsumerReport(tx, batchId, report.id);
        return { id: report.id, createdAt: report.created_at.toISOString() };
      });
    } catch (error) {
      if (photoKey) await this.files.remove(photoKey);
      throw error;
    }
  }

  private checkedPhoto(base64: string, claimed: string): Buffer {
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length === 0 || this.files.contentTypeOf(bytes) !== claimed) {
      throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', RULE_MESSAGES.reports.photoType, {
        'photo.base64': [RULE_MESSAGES.reports.photoInvalid],
      });
    }
    return bytes;
  }
}
