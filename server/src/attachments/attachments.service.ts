import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ATTACHMENT_CONTENT_TYPES, type AttachmentContentType, type AttachmentView } from '@nguon/shared';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.js';
import type { Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage.js';
import { AttachmentEntity } from './attachment.entity.js';
import { mapAttachment } from './attachment.mapper.js';
import { sniffContentType } from './content-sniffing.js';
import { cleanFileName } from './file-name.js';

const TYPE_NAMES: Record<AttachmentContentType, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
};

export interface AttachmentDownload {
  attachment: AttachmentEntity;
  stream: Readable;
}

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(AttachmentEntity) private readonly attachments: Repository<AttachmentEntity>,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Stores an uploaded file for the acting business. Its type is what its bytes say, and must
   * match what the client declared. The file is written first and the row after it, in one
   * transaction with the audit entry; if that fails the file is removed, so neither is left alone.
   */
  async upload(actor: Actor, fileName: string, declaredType: string | undefined, body: unknown): Promise<AttachmentView> {
    const businessId = actor.businessId!;
    if (!Buffer.isBuffer(body) || body.length === 0) throw new DomainError('ATTACHMENT_EMPTY');
    const contentType = this.checkContentType(body, declaredType);
    const name = cleanFileName(fileName);
    if (!name) throw new DomainError('VALIDATION_FAILED', undefined, { fileName: [RULE_MESSAGES.attachments.fileNameRequired] });
    const id = randomUUID();
    const storageKey = `${businessId}/${id}`;
    await this.storage.put(storageKey, body);
    try {
      const saved = await this.db.transaction(async (tx) => {
        const row = await tx.getRepository(AttachmentEntity).save(
          tx.getRepository(AttachmentEntity).create({
            id,
            businessId,
            fileName: name,
            contentType,
            size: body.length,
            sha256: createHash('sha256').update(body).digest('hex'),
            storageKey,
            uploadedByUserId: actor.principal.kind === 'user' ? actor.principal.id : null,
            uploadedByApiKeyId: actor.principal.kind === 'api_key' ? actor.principal.id : null,
          }),
        );
        await this.audit.record(tx, actor, {
          action: 'attachment.upload',
          targetType: 'attachment',
          targetId: id,
          details: { fileName: name, contentType, size: body.length },
        });
        return row;
      });
      return mapAttachment(saved);
    } catch (error) {
      await this.storage.remove(storageKey);
      throw error;
    }
  }

  /** Anyone with the link may read it: attachments are made to be shown on public pages. */
  async download(id: string): Promise<AttachmentDownload> {
    const attachment = await this.attachments.findOneBy({ id });
    if (!attachment) throw new DomainError('ATTACHMENT_NOT_FOUND');
    return { attachment, stream: await this.storage.open(attachment.storageKey) };
  }

  /**
   * The attachments a write refers to, in the order given, each belonging to the business: an
   * unknown id, or one of another business, is an error on `field` (the same answer for both, so
   * ids of other businesses cannot be probed).
   */
  async findOwned(db: EntityManager, businessId: string, ids: string[], field: string): Promise<AttachmentEntity[]> {
    if (ids.length === 0) return [];
    const rows = await db.getRepository(AttachmentEntity).findBy({ id: In(ids), businessId });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length) {
      throw new DomainError('VALIDATION_FAILED', undefined, {
        [field]: [RULE_MESSAGES.attachments.notOwn(missing)],
      });
    }
    return ids.map((id) => byId.get(id)!);
  }

  private checkContentType(body: Buffer, declaredType: string | undefined): AttachmentContentType {
    const actual = sniffContentType(body);
    const declared = declaredType?.split(';')[0]?.trim().toLowerCase();
    if (!actual) throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED');
    if (declared !== actual) {
      const claimed = (ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(declared ?? '')
        ? TYPE_NAMES[declared as AttachmentContentType]
        : (declared ?? '?');
      throw new DomainError('ATTACHMENT_TYPE_NOT_ALLOWED', RULE_MESSAGES.attachments.contentMismatch(TYPE_NAMES[actual], claimed));
    }
    return actual;
  }
}
