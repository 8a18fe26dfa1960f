import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { AttachmentContentType } from '@nguon/shared';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage.js';
import { sniffContentType } from './content-sniffing.js';

/**
 * Files kept with the attachments but without an attachment's row (a consumer report's photo):
 * other modules store, open and remove them here, and check their bytes as uploads are checked.
 */
@Injectable()
export class AttachmentFilesService {
  constructor(@Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage) {}

  put(key: string, bytes: Buffer): Promise<void> {
    return this.storage.put(key, bytes);
  }

  /** Fails with ATTACHMENT_NOT_FOUND when nothing is stored under the key. */
  open(key: string): Promise<Readable> {
    return this.storage.open(key);
  }

  remove(key: string): Promise<void> {
    return this.storage.remove(key);
  }

  /** What the bytes are among the accepted types, whatever the client claims; null for anything else. */
  contentTypeOf(bytes: Buffer): AttachmentContentType | null {
    return sniffContentType(bytes);
  }
}
