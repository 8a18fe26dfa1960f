import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ConsumerReportReceipt, Locale } from '@nguon/shared';
import { DataSource } from 'typeorm';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from '../attachments/attachment-storage.js';
import { sniffContentType } from '../attachments/content-sniffing.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { ConsumerReportDto, ScanPlaceDto } from './dto/consumer-report.dto.js';

/** Rounds to one decimal: about 10 km, enough to tell Hà Tĩnh from Hà Nội and no closer. */
const coarse = (degrees: number) => Math.round(degrees * 10) / 10;

/**
 * What consumers tell the portal about a batch: a report for inspectors (with an optional photo),
 * or, when they agree, the rough area they scanned it in, which shows copied codes.
 */
@Injectable()
export class ConsumerReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  async report(batchId: string, dto: ConsumerReportDto, locale: Locale): Promise<ConsumerReportReceipt> {
    const [batch]: { business_id: string }[] = await this.db.query(`SELECT business_id FROM batches WHERE id = $1`, [batchId]);
    if (!batch) throw new DomainError('BATCH_NOT_FOUND');
    const photo = dto.photo ? this.checkedPhoto(dto.photo.base64, dto.photo.contentType) : null;
    // Kept with the files of the business whose product it shows.
    const photoKey = photo ? `${batch.business_id}/${randomUUID()}` : null;
    if (photo && photoKey) await this.storage.put(photoKey, photo);
    try {
      return await this.db.transaction(async (tx) => {
        const [report]: { id: string; created_at: Date }[] = await tx.query(
          `INSERT INTO consumer_reports (batch_id, category, message, contact, photo_key, photo_type, locale) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
          [batchId, dto.category, dto.message, dto.contact ?? null, photoKey, photo ? dto.photo!.contentType : null, locale],
        );
        await tx.query(
          `INSERT INTO flags (kind, dedupe_key, batch_id, business_id, report_id)
           SELECT 'consumer_report', 'consumer_report:' || $2, b.id, b.business_id, $2::uuid FROM batches b WHERE b.id = $1`,
          [batchId, report!.id],
        );
        return { id: report!.id, createdAt: report!.created_at.toISOString() };
      });
    } catch (error) {
      if (photoKey) await this.storage.remove(photoKey);
      throw error;
    }
  }

  /** Places the visitor's latest scan of this batch (within ten minutes); nothing else is kept. */
  async placeScan(batchId: string, dto: ScanPlaceDto): Promise<void> {
    await this.db.query(
      `UPDATE scans SET latitude = $2, longitude = $3
        WHERE id = (SELECT id FROM scans WHERE batch_id = $1 AND latitude IS NULL AND scanned_at > now() - interval '10 minutes'
                     ORDER BY scanned_at DESC LIMIT 1)`,
      [batchId, coarse(dto.latitude), coarse(dto.longitude)],
    );
  }

  private checkedPhoto(base64: string, claimed: string): Buffer {
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length === 0 || sniffContentType(bytes) !== claimed) {
      throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', { vi: 'Ảnh phải là tệp JPEG, PNG hoặc WebP.', en: 'The photo must be a JPEG, PNG or WebP file.' }, { 'photo.base64': [{ vi: 'Ảnh không hợp lệ.', en: 'Not a valid photo.' }] });
    }
    return bytes;
  }
}
